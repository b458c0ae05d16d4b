package dev.retention.testing;

import dev.retention.host.CustomerRegistered;
import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderRefunded;
import dev.retention.host.OrderTotals;
import dev.retention.host.RefundLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Builders for test events with sensible defaults. */
public final class Events {

    private Events() {
    }

    public static CustomerRegistered registered(String customerId, Instant at) {
        return new CustomerRegistered(customerId + "-registered", at, customerId, customerId + "@example.com",
                "Customer " + customerId, Locale.forLanguageTag("en"), ZoneId.of("Europe/Lisbon"), null, true,
                "organic", null);
    }

    /** An order of one line, {@code amount} EUR, no tax or shipping. */
    public static OrderPlaced placed(String customerId, String orderId, String amount, Instant at) {
        BigDecimal value = new BigDecimal(amount);
        OrderTotals totals = new OrderTotals(value, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, value);
        return new OrderPlaced(orderId + "-placed", at, customerId, orderId, "checkout-" + orderId,
                List.of(new OrderLine("p-1", null, "books", 1, value, BigDecimal.ZERO)), "EUR", totals, "EUR",
                totals, 0, null, null, List.of(), "web");
    }

    public static OrderCompleted completed(String customerId, String orderId, Instant at) {
        return new OrderCompleted(orderId + "-completed", at, customerId, orderId);
    }

    public static OrderRefunded refunded(String customerId, String orderId, String refundId, String amount,
            Instant at) {
        BigDecimal value = new BigDecimal(amount);
        return new OrderRefunded(refundId + "-refunded", at, customerId, orderId, refundId,
                List.of(new RefundLine("p-1", 1, value)), value, value, "EUR", "damaged");
    }
}
