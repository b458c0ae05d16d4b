package dev.retention.loyalty;

import dev.retention.host.OrderCancelled;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Order events with the loyalty-relevant fields set. */
public final class LoyaltyFixtures {

    private LoyaltyFixtures() {
    }

    /**
     * An order of one line of {@code amount}, with {@code pointsRedeemed} paid at {@code pointValue} 0.01 as an
     * order discount, under the given checkout id.
     */
    public static OrderPlaced placed(String customerId, String orderId, String checkoutId, String amount,
            long pointsRedeemed, Instant at) {
        return placed(customerId, orderId, checkoutId, amount, pointsRedeemed, at, null, null);
    }

    public static OrderPlaced placed(String customerId, String orderId, String checkoutId, String amount,
            long pointsRedeemed, Instant at, String addressFingerprint, String paymentFingerprint) {
        BigDecimal value = new BigDecimal(amount);
        BigDecimal discount = BigDecimal.valueOf(pointsRedeemed).movePointLeft(2).min(value);
        OrderTotals totals = new OrderTotals(value, discount, new BigDecimal("4.90"), BigDecimal.ZERO,
                value.subtract(discount).add(new BigDecimal("4.90")));
        return new OrderPlaced(orderId + "-placed", at, customerId, orderId, checkoutId,
                List.of(new OrderLine("p-1", null, "books", 1, value, BigDecimal.ZERO)), "EUR", totals, "EUR", totals,
                pointsRedeemed, addressFingerprint, paymentFingerprint, List.of(), "web");
    }

    public static OrderCancelled cancelled(String customerId, String orderId, Instant at) {
        return new OrderCancelled(orderId + "-cancelled", at, customerId, orderId, "changed mind");
    }
}
