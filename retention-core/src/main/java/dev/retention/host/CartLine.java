package dev.retention.host;

import java.math.BigDecimal;

/** One line of a cart, in the cart's currency. */
public record CartLine(String productId, String variantId, int quantity, BigDecimal unitPrice) {

    public CartLine {
        Require.text(productId, "productId");
        Require.positive(quantity, "quantity");
        Require.nonNegative(unitPrice, "unitPrice");
    }
}
