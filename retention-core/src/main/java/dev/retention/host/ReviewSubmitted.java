package dev.retention.host;

import java.time.Instant;

/**
 * The shopper reviewed a product. Earns review points only when {@code approved}; publish again with a new
 * event id when moderation approves a review that was pending.
 *
 * @param rating 1 to 5
 */
public record ReviewSubmitted(String eventId, Instant occurredAt, String customerId, String reviewId,
        String productId, int rating, boolean approved) implements RetentionEvent {

    public ReviewSubmitted {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        Require.text(reviewId, "reviewId");
        Require.text(productId, "productId");
        if (rating < 1 || rating > 5) {
            throw new InvalidEventException("rating", "must be between 1 and 5, was " + rating);
        }
    }
}
