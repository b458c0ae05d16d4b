package dev.retention.host;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The cart changed; carries the whole cart after the change. An empty {@code lines} list means the cart was
 * emptied. {@code customerId} is null for guests; {@code sessionId} is always present so guests count in
 * conversion and abandonment figures.
 */
public record CartUpdated(String eventId, Instant occurredAt, String customerId, String sessionId, String cartId,
        List<CartLine> lines, BigDecimal total, String currency) implements RetentionEvent {

    public CartUpdated {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(sessionId, "sessionId");
        Require.text(cartId, "cartId");
        lines = Require.copy(lines, "lines");
        Require.nonNegative(total, "total");
        Require.currency(currency, "currency");
    }
}
