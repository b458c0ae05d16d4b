package dev.retention.host;

import java.time.Instant;

/** A product page was viewed; {@code customerId} is null for guests. A weak signal for recommendations. */
public record ProductViewed(String eventId, Instant occurredAt, String customerId, String sessionId,
        String productId) implements RetentionEvent {

    public ProductViewed {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(sessionId, "sessionId");
        Require.text(productId, "productId");
    }
}
