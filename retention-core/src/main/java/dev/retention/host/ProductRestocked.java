package dev.retention.host;

import java.time.Instant;

/** A product that was out of stock is available again (for back-in-stock messages). */
public record ProductRestocked(String eventId, Instant occurredAt, String productId, int quantityAvailable)
        implements RetentionEvent {

    public ProductRestocked {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(productId, "productId");
        Require.nonNegative(quantityAvailable, "quantityAvailable");
    }

    @Override
    public String customerId() {
        return null;
    }
}
