package dev.retention.host;

import java.time.Instant;

/** A new product went on sale (for new-arrival messages). Catalogue events have no customer. */
public record ProductPublished(String eventId, Instant occurredAt, String productId, String category)
        implements RetentionEvent {

    public ProductPublished {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(productId, "productId");
    }

    @Override
    public String customerId() {
        return null;
    }
}
