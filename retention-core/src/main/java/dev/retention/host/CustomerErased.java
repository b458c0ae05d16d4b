package dev.retention.host;

import java.time.Instant;

/**
 * The host erased the customer (right to be forgotten). Every feature removes or pseudonymises what it holds
 * about them; amounts stay so reports still reconcile, and the customer is never messaged again.
 */
public record CustomerErased(String eventId, Instant occurredAt, String customerId) implements RetentionEvent {

    public CustomerErased {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
    }
}
