package dev.retention.engage;

import dev.retention.host.MessagingPort;
import dev.retention.host.OutgoingMessage;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The message outbox (table rtn_engage_message) and its delivery. Delivery is at-least-once: a round claims due
 * messages with a lease (committed), hands each to the {@link MessagingPort}, records the delivered Message-ID in
 * rtn_engage_delivery at once (its own statement, auto-committed), and marks the round's messages sent at the
 * end. If the process dies after delivering but before that last commit, the lease runs out and the next round
 * finds the Message-ID already delivered and only marks it sent: the shopper gets it once. The remaining window
 * (between the port accepting and the delivery record) is covered by the stable Message-ID, which lets the
 * receiving side drop a duplicate.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private static final String COLUMNS = "id, message_id, flow, step, variant, customer_id, channel, recipient,"
            + " locale, subject, status, reason, decided_at, attempts, sent_at, opened_at, clicked_at";

    /** Delivery tuning. */
    public record Settings(int batchSize, Duration lease, int maxAttempts, Duration backoff) {
    }

    private final JdbcClient jdbc;
    private final List<MessagingPort> ports;
    private final Clock clock;
    private final Settings settings;
    private final String insertDelivery;
    private final String insertMessage;
    private final String messageIdDomain;
    private final boolean keyFirst;

    public Outbox(JdbcClient jdbc, DatabaseVendor vendor, List<MessagingPort> ports, Clock clock, Settings settings) {
        this(jdbc, vendor, ports, clock, settings, "retention.localhost");
    }

    public Outbox(JdbcClient jdbc, DatabaseVendor vendor, List<MessagingPort> ports, Clock clock, Settings settings,
            String messageIdDomain) {
        this.messageIdDomain = messageIdDomain;
        this.insertMessage = vendor.insertIgnoring("rtn_engage_message", "message_id, flow, step, variant,"
                + " customer_id, channel, recipient, locale, subject, html_body, text_body, headers, status, reason,"
                + " decided_at, attempts, next_attempt_at", "message_id");
        this.jdbc = jdbc;
        this.ports = List.copyOf(ports);
        this.clock = clock;
        this.settings = settings;
        this.insertDelivery = vendor.insertIgnoring("rtn_engage_delivery", "message_id, delivered_at", "message_id");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
    }

    /**
     * Queues an already rendered message outside the shopper flows (staff notifications). Idempotent per
     * {@code key} within {@code kind}.
     */
    public void enqueue(String kind, String key, String customerId, String to, Locale locale,
            dev.retention.engage.internal.MailRenderer.Rendered rendered, Instant at) {
        String messageId = dev.retention.engage.internal.SendingRules.messageId(kind + "|" + key, messageIdDomain);
        var statement = jdbc.sql(insertMessage);
        if (keyFirst) {
            statement = statement.param(messageId);
        }
        statement.param(messageId).param(kind).param(1).param("A").param(customerId).param("email").param(to)
                .param(locale.toLanguageTag()).param(rendered.subject()).param(rendered.html()).param(rendered.text())
                .param(null).param("PENDING").param(null).param(UtcTime.toColumn(at)).param(0)
                .param(UtcTime.toColumn(at)).update();
    }

    /** Delivers every due message, round after round; returns how many were delivered. */
    public int deliverDue() {
        int total = 0;
        int delivered;
        do {
            delivered = deliverRound();
            total += delivered;
        } while (delivered > 0);
        return total;
    }

    /** One round: claims up to a batch of due messages and delivers them. Returns how many went out. */
    public int deliverRound() {
        Instant now = clock.instant();
        List<Long> claimed = claim(now);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> sent = new ArrayList<>();
        Map<MessagingPort, List<Pending>> byPort = new LinkedHashMap<>();
        for (long id : claimed) {
            Pending message = load(id);
            if (alreadyDelivered(message.messageId())) {
                sent.add(id);
                continue;
            }
            MessagingPort port;
            try {
                port = port(message.channel());
            } catch (RuntimeException e) {
                retryLater(message, now, e);
                continue;
            }
            byPort.computeIfAbsent(port, p -> new ArrayList<>()).add(message);
        }
        for (var entry : byPort.entrySet()) {
            Map<String, Pending> pending = new LinkedHashMap<>();
            entry.getValue().forEach(p -> pending.put(p.messageId(), p));
            List<OutgoingMessage> outgoing = entry.getValue().stream().map(Pending::toOutgoing).toList();
            BatchMessagingPort.DeliveryCallback callback = new BatchMessagingPort.DeliveryCallback() {
                @Override
                public void delivered(OutgoingMessage message) {
                    recordDelivered(message.messageId(), now);
                    sent.add(pending.get(message.messageId()).id());
                }

                @Override
                public void failed(OutgoingMessage message, RuntimeException error) {
                    retryLater(pending.get(message.messageId()), now, error);
                }
            };
            if (entry.getKey() instanceof BatchMessagingPort batch) {
                batch.deliverEach(outgoing, callback);
            } else {
                for (OutgoingMessage message : outgoing) {
                    try {
                        entry.getKey().deliver(message);
                        callback.delivered(message);
                    } catch (RuntimeException e) {
                        callback.failed(message, e);
                    }
                }
            }
        }
        if (!sent.isEmpty()) {
            markSent(sent, now);
        }
        return sent.size();
    }

    /**
     * Marks the round's messages sent; one statement for the round. Overridable only so tests can simulate a
     * crash between delivery and this commit.
     */
    protected void markSent(List<Long> ids, Instant at) {
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        jdbc.sql("UPDATE rtn_engage_message SET status = 'SENT', sent_at = ?, lease_until = NULL, reason = NULL"
                        + " WHERE id IN (" + in + ")")
                .param(UtcTime.toColumn(at))
                .params(new ArrayList<Object>(ids))
                .update();
    }

    private List<Long> claim(Instant now) {
        List<Long> candidates = jdbc.sql("SELECT id FROM rtn_engage_message WHERE (status = 'PENDING' AND"
                        + " next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?) ORDER BY id")
                .params(UtcTime.toColumn(now), UtcTime.toColumn(now))
                .withMaxRows(settings.batchSize())
                .query(Long.class)
                .list();
        List<Long> claimed = new ArrayList<>();
        for (long id : candidates) {
            int won = jdbc.sql("UPDATE rtn_engage_message SET status = 'SENDING', lease_until = ?,"
                            + " attempts = attempts + 1 WHERE id = ? AND ((status = 'PENDING' AND next_attempt_at <= ?)"
                            + " OR (status = 'SENDING' AND lease_until < ?))")
                    .params(UtcTime.toColumn(now.plus(settings.lease())), id, UtcTime.toColumn(now),
                            UtcTime.toColumn(now))
                    .update();
            if (won == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    private boolean alreadyDelivered(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_engage_delivery WHERE message_id = ?")
                .param(messageId).query(Long.class).single() > 0;
    }

    private void recordDelivered(String messageId, Instant at) {
        var statement = jdbc.sql(insertDelivery);
        if (keyFirst) {
            statement = statement.param(messageId);
        }
        statement.param(messageId).param(UtcTime.toColumn(at)).update();
    }

    private void retryLater(Pending message, Instant now, RuntimeException error) {
        boolean give = message.attempts() >= settings.maxAttempts();
        Duration wait = settings.backoff().multipliedBy(1L << Math.min(message.attempts() - 1, 16));
        jdbc.sql("UPDATE rtn_engage_message SET status = ?, next_attempt_at = ?, lease_until = NULL, reason = ?"
                        + " WHERE id = ?")
                .params(give ? "FAILED" : "PENDING", UtcTime.toColumn(now.plus(wait)),
                        String.valueOf(error).substring(0, Math.min(String.valueOf(error).length(), 4000)),
                        message.id())
                .update();
        log.warn("engage.delivery-failed messageId={} attempts={} gaveUp={} error={}", message.messageId(),
                message.attempts(), give, error.toString());
    }

    private MessagingPort port(String channel) {
        for (MessagingPort port : ports) {
            if (port.supports(channel)) {
                return port;
            }
        }
        throw new IllegalStateException("No MessagingPort delivers channel '" + channel + "'");
    }

    private Pending load(long id) {
        return jdbc.sql("SELECT id, message_id, channel, customer_id, recipient, locale, subject, html_body,"
                        + " text_body, headers, attempts FROM rtn_engage_message WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("message_id"), rs.getString("channel"),
                        rs.getString("customer_id"), rs.getString("recipient"), rs.getString("locale"),
                        rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body"),
                        rs.getString("headers"), rs.getInt("attempts")))
                .single();
    }

    private record Pending(long id, String messageId, String channel, String customerId, String recipient,
            String locale, String subject, String html, String text, String headers, int attempts) {

        OutgoingMessage toOutgoing() {
            Map<String, String> map = new LinkedHashMap<>();
            if (headers != null) {
                for (String line : headers.split("\n")) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        map.put(line.substring(0, colon), line.substring(colon + 2));
                    }
                }
            }
            return new OutgoingMessage(messageId, channel, customerId, recipient,
                    locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale), subject, html, text, map);
        }
    }

    /** Messages of a customer, newest first. */
    public List<OutboxMessage> ofCustomer(String customerId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rtn_engage_message WHERE customer_id = ?"
                        + " ORDER BY decided_at DESC, id DESC")
                .param(customerId)
                .withMaxRows(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Messages in a status (e.g. parked ones for the operations page), newest first. */
    public List<OutboxMessage> withStatus(MessageStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rtn_engage_message WHERE status = ? ORDER BY id DESC")
                .param(status.name())
                .withMaxRows(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<OutboxMessage> find(String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rtn_engage_message WHERE message_id = ?")
                .param(messageId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Count of messages per status. */
    public Map<MessageStatus, Long> counts() {
        Map<MessageStatus, Long> counts = new LinkedHashMap<>();
        for (MessageStatus status : MessageStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM rtn_engage_message GROUP BY status")
                .query((rs, n) -> counts.put(MessageStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    private static OutboxMessage map(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("flow"),
                rs.getInt("step"), rs.getString("variant"), rs.getString("customer_id"), rs.getString("channel"),
                rs.getString("recipient"), rs.getString("locale"), rs.getString("subject"),
                MessageStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                UtcTime.read(rs, "decided_at"), rs.getInt("attempts"), UtcTime.read(rs, "sent_at"),
                UtcTime.read(rs, "opened_at"), UtcTime.read(rs, "clicked_at"));
    }
}
