package dev.retention.engage;

import dev.retention.engage.internal.MailRenderer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Operational e-mails to the shop's staff (e.g. a detractor alert), delivered through the same outbox as shopper
 * messages, so they are retried and never lost; no shopper sending rules apply.
 */
public class AdminNotifications {

    private final MailRenderer renderer;
    private final Outbox outbox;

    public AdminNotifications(MailRenderer renderer, Outbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /**
     * Renders template {@code name} (English, subject message {@code <messageKey>.subject}) and queues it to
     * {@code to}. {@code key} makes the notification unique; {@code customerId} is whom it is about (its bodies
     * are erased with that customer's data).
     */
    public void notify(String name, String messageKey, String key, String customerId, String to,
            Map<String, Object> variables, Instant at) {
        MailRenderer.Rendered rendered = renderer.renderPlain(name, messageKey, Locale.ENGLISH, variables);
        outbox.enqueue(name, key, customerId, to, Locale.ENGLISH, rendered, at);
    }
}
