package dev.retention.demo.mail;

import dev.retention.host.MessagingPort;
import dev.retention.host.OutgoingMessage;
import dev.retention.support.UtcTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link MessagingPort} that records every message in shop_sent_message (the demo's outbox you can read on
 * /admin/mail). A message id seen before is not stored twice, as a real provider de-duplicates on Message-ID.
 */
@Component
public class SentMessages implements MessagingPort {

    /** A delivered message. */
    public record SentMessage(long id, String messageId, String channel, String customerId, String recipient,
            String locale, String subject, String htmlBody, String textBody, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public SentMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean supports(String channel) {
        return "email".equalsIgnoreCase(channel);
    }

    @Override
    public void deliver(OutgoingMessage message) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM shop_sent_message WHERE message_id = ?")
                .param(message.messageId()).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        jdbc.sql("INSERT INTO shop_sent_message (message_id, channel, customer_id, recipient, locale, subject,"
                        + " html_body, text_body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(message.messageId(), message.channel(), message.customerId(), message.to(),
                        message.locale() == null ? null : message.locale().toLanguageTag(), message.subject(),
                        message.htmlBody(), message.textBody(), UtcTime.toColumn(clock.instant()))
                .update();
    }

    public List<SentMessage> recent(int limit) {
        return jdbc.sql("SELECT id, message_id, channel, customer_id, recipient, locale, subject, html_body, text_body,"
                        + " sent_at FROM shop_sent_message ORDER BY id DESC LIMIT ?")
                .param(limit).query((rs, n) -> map(rs)).list();
    }

    public Optional<SentMessage> byId(long id) {
        return jdbc.sql("SELECT id, message_id, channel, customer_id, recipient, locale, subject, html_body, text_body,"
                        + " sent_at FROM shop_sent_message WHERE id = ?")
                .param(id).query((rs, n) -> map(rs)).optional();
    }

    private static SentMessage map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SentMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), UtcTime.read(rs, "sent_at"));
    }
}
