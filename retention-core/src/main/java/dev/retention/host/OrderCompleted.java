package dev.retention.host;

import java.time.Instant;

/** The order was delivered (fulfilled). The loyalty return window starts here. */
public record OrderCompleted(String eventId, Instant occurredAt, String customerId, String orderId)
        implements RetentionEvent {

    public OrderCompleted {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        Require.text(orderId, "orderId");
    }
}
