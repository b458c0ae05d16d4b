package dev.retention.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order in the shop's base currency. {@code netMerchandise} is subtotal less discounts, excluding tax and
 * shipping; {@code refunded} is the merchandise amount refunded so far.
 */
public record OrderSummary(String orderId, String customerId, String checkoutId, Instant placedAt, OrderStatus status,
        Instant completedAt, Instant cancelledAt, String baseCurrency, BigDecimal baseTotal,
        BigDecimal netMerchandise, BigDecimal refunded, long pointsRedeemed) {

    /** Revenue that counts: zero when cancelled, else net merchandise less refunds. */
    public BigDecimal countedRevenue() {
        return status == OrderStatus.CANCELLED ? BigDecimal.ZERO : netMerchandise.subtract(refunded).max(BigDecimal.ZERO);
    }
}
