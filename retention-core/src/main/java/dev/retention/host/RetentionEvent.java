package dev.retention.host;

import java.time.Instant;

/**
 * A fact from the host shop. Every event carries:
 * <ul>
 * <li>{@link #eventId()}: unique within the host and stable across re-deliveries; Retention Kit stores each id once,
 * so publishing the same event twice (a retry, a replay of history) is a counted no-op. Derive it from your own
 * ids, e.g. {@code "order-1042-placed"}, never from a random UUID created at publish time.</li>
 * <li>{@link #occurredAt()}: business time. Every rule (earning rate, tier, return window, message timing) is
 * evaluated at this instant, so replaying two years of history gives the same state as live traffic.</li>
 * <li>{@link #customerId()}: the host's opaque customer id; {@code null} only where the type allows guests
 * (carts, product views, catalogue events).</li>
 * </ul>
 */
public sealed interface RetentionEvent
        permits CustomerRegistered, CustomerUpdated, ConsentChanged, CustomerErased,
        OrderPlaced, OrderCompleted, OrderCancelled, OrderRefunded,
        CartUpdated, ProductViewed, CheckoutStarted, ReviewSubmitted,
        ProductPublished, ProductRestocked {

    String eventId();

    Instant occurredAt();

    String customerId();

    /** The stable type name stored in the inbox, e.g. {@code OrderPlaced}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
