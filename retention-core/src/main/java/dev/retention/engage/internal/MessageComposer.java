package dev.retention.engage.internal;

import dev.retention.customer.CustomerProfile;
import dev.retention.customer.CustomerProfiles;
import dev.retention.engage.Flow;
import dev.retention.engage.FlowSettings;
import dev.retention.engage.FlowSettingsService;
import dev.retention.engage.MessageStatus;
import dev.retention.engage.SignedLinks;
import dev.retention.engage.Unsubscribes;
import dev.retention.host.CustomerContact;
import dev.retention.host.CustomerDirectoryPort;
import dev.retention.privacy.PrivacyService;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decides whether a flow step goes out and, in the same transaction, renders it into the outbox. The rules run at
 * the step's business time: erased customers and unsubscribes always stop a message; marketing flows also need
 * consent, stay under the frequency cap and keep a holdout; quiet hours defer (never drop) the message.
 */
public class MessageComposer {

    private static final Logger log = LoggerFactory.getLogger(MessageComposer.class);

    public static final String EMAIL = "email";

    /** What a flow step wants to send. {@code key} makes the decision unique (and the Message-ID stable). */
    public record Request(Flow flow, int step, String customerId, String key, Instant at, String variant,
            Supplier<Map<String, Object>> model) {
    }

    /** What became of a request; {@code deferUntil} is set for {@link Kind#DEFERRED}. */
    public record Outcome(Kind kind, String messageId, Instant deferUntil, String reason) {
    }

    public enum Kind { QUEUED, HOLDOUT, SUPPRESSED, PARKED, DEFERRED, DISABLED }

    /** Shop-wide rules. */
    public record Settings(int frequencyCap, Duration frequencyPeriod, String messageIdDomain) {
    }

    private final JdbcClient jdbc;
    private final FlowSettingsService flows;
    private final CustomerProfiles profiles;
    private final Optional<CustomerDirectoryPort> directory;
    private final PrivacyService privacy;
    private final Unsubscribes unsubscribes;
    private final SendingRules rules;
    private final MailRenderer renderer;
    private final SignedLinks links;
    private final Settings settings;
    private final String insert;
    private final boolean keyFirst;
    private final List<String> marketingFlows;

    public MessageComposer(JdbcClient jdbc, DatabaseVendor vendor, FlowSettingsService flows,
            CustomerProfiles profiles, Optional<CustomerDirectoryPort> directory, PrivacyService privacy,
            Unsubscribes unsubscribes, SendingRules rules, MailRenderer renderer, SignedLinks links,
            Settings settings) {
        this.jdbc = jdbc;
        this.flows = flows;
        this.profiles = profiles;
        this.directory = directory;
        this.privacy = privacy;
        this.unsubscribes = unsubscribes;
        this.rules = rules;
        this.renderer = renderer;
        this.links = links;
        this.settings = settings;
        this.insert = vendor.insertIgnoring("rtn_engage_message", "message_id, flow, step, variant, customer_id,"
                + " channel, recipient, locale, subject, html_body, text_body, headers, status, reason, decided_at,"
                + " attempts, next_attempt_at", "message_id");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
        this.marketingFlows = Arrays.stream(Flow.values()).filter(Flow::marketing).map(Flow::key).toList();
    }

    public FlowSettings settings(Flow flow) {
        return flows.get(flow);
    }

    public Outcome compose(Request request) {
        Flow flow = request.flow();
        String messageId = SendingRules.messageId(flow.key() + "|" + request.step() + "|" + request.key(),
                settings.messageIdDomain());
        FlowSettings flowSettings = flows.get(flow);
        if (!flowSettings.enabled()) {
            return new Outcome(Kind.DISABLED, messageId, null, "flow disabled");
        }
        String customerId = request.customerId();
        Instant at = request.at();
        if (privacy.isErased(customerId)) {
            return suppress(request, messageId, null, "erased");
        }
        Optional<CustomerProfile> profile = profiles.find(customerId);
        Optional<CustomerContact> contact = directory.isPresent() ? directory.get().find(customerId)
                : profile.filter(p -> p.email() != null)
                        .map(p -> new CustomerContact(p.customerId(), p.displayName(), p.email(), p.locale(),
                                p.timeZone()));
        if (contact.isEmpty() || contact.get().email() == null) {
            return suppress(request, messageId, null, "no-address");
        }
        CustomerContact to = contact.get();
        if (unsubscribes.isUnsubscribed(customerId, flow, EMAIL)) {
            return suppress(request, messageId, to, "unsubscribed");
        }
        if (flow.marketing() && !profiles.hasMarketingConsent(customerId, EMAIL)) {
            return suppress(request, messageId, to, "no-consent");
        }
        if (flow != Flow.ORDER_THANK_YOU) {
            Optional<Instant> later = rules.deferQuietHours(at, to.timeZone());
            if (later.isPresent()) {
                log.debug("engage.deferred flow={} customerId={} until={}", flow.key(), customerId, later.get());
                return new Outcome(Kind.DEFERRED, messageId, later.get(), "quiet-hours");
            }
        }
        if (flow.marketing()) {
            if (recentMarketing(customerId, at) >= settings.frequencyCap()) {
                return suppress(request, messageId, to, "frequency-cap");
            }
            if (SendingRules.inHoldout(customerId, flow.key(), at, flowSettings.holdoutPercent())) {
                insert(request, messageId, to, null, null, MessageStatus.HOLDOUT, "holdout", null);
                log.info("engage.holdout flow={} customerId={} wouldSendAt={}", flow.key(), customerId, at);
                return new Outcome(Kind.HOLDOUT, messageId, null, "holdout");
            }
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        MailRenderer.Rendered rendered;
        try {
            Map<String, Object> model = new HashMap<>(request.model().get());
            String unsubscribe = links.unsubscribeUrl(customerId, flow, EMAIL);
            model.put("name", to.displayName() == null ? "" : to.displayName());
            model.put("links", new MessageLinks(links, messageId));
            model.put("unsubscribeUrl", unsubscribe);
            model.put("preferencesUrl", links.url("/retention/preferences"));
            model.put("pixelUrl", links.openPixelUrl(messageId));
            model.put("shopUrl", links.url("/"));
            if (model.containsKey("product")) {
                model.putIfAbsent("products", List.of(model.get("product")));
            }
            model.putIfAbsent("suggestions", List.of());
            model.putIfAbsent("subjectArgs", new Object[] {to.displayName() == null ? "" : to.displayName()});
            rendered = renderer.render(flow, request.step(), to.locale(), model);
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        } catch (RuntimeException e) {
            insert(request, messageId, to, null, null, MessageStatus.PARKED, rootMessage(e), null);
            log.warn("engage.parked flow={} customerId={} messageId={} error={}", flow.key(), customerId, messageId,
                    rootMessage(e));
            return new Outcome(Kind.PARKED, messageId, null, rootMessage(e));
        }
        insert(request, messageId, to, rendered, headers, MessageStatus.PENDING, null, at);
        log.info("engage.queued flow={} step={} customerId={} messageId={}", flow.key(), request.step(), customerId,
                messageId);
        return new Outcome(Kind.QUEUED, messageId, null, null);
    }

    private long recentMarketing(String customerId, Instant at) {
        String in = String.join(", ", java.util.Collections.nCopies(marketingFlows.size(), "?"));
        return jdbc.sql("SELECT COUNT(*) FROM rtn_engage_message WHERE customer_id = ? AND status IN ('PENDING',"
                        + " 'SENDING', 'SENT') AND decided_at > ? AND decided_at <= ? AND flow IN (" + in + ")")
                .param(customerId)
                .param(UtcTime.toColumn(at.minus(settings.frequencyPeriod())))
                .param(UtcTime.toColumn(at))
                .params(marketingFlows)
                .query(Long.class)
                .single();
    }

    private Outcome suppress(Request request, String messageId, CustomerContact to, String reason) {
        insert(request, messageId, null, null, null, MessageStatus.SUPPRESSED, reason, null);
        log.info("engage.suppressed flow={} customerId={} reason={}", request.flow().key(), request.customerId(),
                reason);
        return new Outcome(Kind.SUPPRESSED, messageId, null, reason);
    }

    private void insert(Request request, String messageId, CustomerContact to, MailRenderer.Rendered rendered,
            Map<String, Object> headers, MessageStatus status, String reason, Instant nextAttempt) {
        StringBuilder headerText = new StringBuilder();
        if (headers != null) {
            headers.forEach((name, value) -> headerText.append(name).append(": ").append(value).append('\n'));
        }
        var statement = jdbc.sql(insert);
        if (keyFirst) {
            statement = statement.param(messageId);
        }
        statement.param(messageId)
                .param(request.flow().key())
                .param(request.step())
                .param(request.variant() == null ? "A" : request.variant())
                .param(request.customerId())
                .param(EMAIL)
                .param(to == null ? null : to.email())
                .param(to == null ? null : to.locale().toLanguageTag())
                .param(rendered == null ? null : truncate(rendered.subject(), 1000))
                .param(rendered == null ? null : rendered.html())
                .param(rendered == null ? null : rendered.text())
                .param(headers == null ? null : headerText.toString())
                .param(status.name())
                .param(reason == null ? null : truncate(reason, 4000))
                .param(UtcTime.toColumn(request.at()))
                .param(0)
                .param(UtcTime.toColumn(nextAttempt))
                .update();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e + " caused by " + root;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
