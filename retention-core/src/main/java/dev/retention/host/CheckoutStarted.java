package dev.retention.host;

import java.math.BigDecimal;
import java.time.Instant;

/** The shopper entered checkout with a cart. */
public record CheckoutStarted(String eventId, Instant occurredAt, String customerId, String sessionId,
        String checkoutId, BigDecimal total, String currency) implements RetentionEvent {

    public CheckoutStarted {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(sessionId, "sessionId");
        Require.text(checkoutId, "checkoutId");
        Require.nonNegative(total, "total");
        Require.currency(currency, "currency");
    }
}
