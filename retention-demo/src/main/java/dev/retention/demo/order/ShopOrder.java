package dev.retention.demo.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the shop stores it. */
public record ShopOrder(long id, long customerId, String checkoutId, OrderState status, String currency,
        BigDecimal subtotal, BigDecimal discounts, BigDecimal shipping, BigDecimal tax, BigDecimal total,
        BigDecimal refunded, String couponCode, String shipName, String shipAddress, String addressFingerprint,
        String paymentFingerprint, String channel, Instant placedAt, Instant deliveredAt, Instant cancelledAt,
        List<ShopOrderLine> lines) {

    public BigDecimal refundable() {
        return total.subtract(refunded);
    }

    public boolean canDeliver() {
        return status == OrderState.PLACED;
    }

    public boolean canCancel() {
        return status == OrderState.PLACED;
    }

    public boolean canRefund() {
        return (status == OrderState.DELIVERED || status == OrderState.PARTIALLY_REFUNDED)
                && refundable().signum() > 0;
    }
}
