package dev.retention.host;

import java.time.Instant;

/** The whole order was cancelled before fulfilment: it never counts as revenue and earns nothing. */
public record OrderCancelled(String eventId, Instant occurredAt, String customerId, String orderId, String reason)
        implements RetentionEvent {

    public OrderCancelled {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        Require.text(orderId, "orderId");
    }
}
