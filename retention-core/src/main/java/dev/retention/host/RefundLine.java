package dev.retention.host;

import java.math.BigDecimal;

/** A refunded quantity of one order line, with the amount given back for it in the order currency. */
public record RefundLine(String productId, int quantity, BigDecimal amount) {

    public RefundLine {
        Require.text(productId, "productId");
        Require.positive(quantity, "quantity");
        Require.nonNegative(amount, "amount");
    }
}
