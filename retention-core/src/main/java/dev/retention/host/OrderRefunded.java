package dev.retention.host;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Money was given back on an order, in part or in full. Publish one event per refund; several partial refunds on
 * one order are several events with their own {@code refundId}.
 *
 * @param lines      the refunded lines, if the refund is line-based (may be empty for an amount-only refund)
 * @param amount     the merchandise amount refunded, in the order currency (excluding refunded shipping and tax)
 * @param baseAmount the same amount in the shop's base currency
 */
public record OrderRefunded(String eventId, Instant occurredAt, String customerId, String orderId, String refundId,
        List<RefundLine> lines, BigDecimal amount, BigDecimal baseAmount, String currency, String reason)
        implements RetentionEvent {

    public OrderRefunded {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        Require.text(orderId, "orderId");
        Require.text(refundId, "refundId");
        lines = Require.copy(lines, "lines");
        Require.nonNegative(amount, "amount");
        Require.nonNegative(baseAmount, "baseAmount");
        Require.currency(currency, "currency");
    }
}
