package dev.retention.host;

import java.math.BigDecimal;

/**
 * One line of an order, amounts in the order's currency.
 *
 * @param unitPrice    price of one unit before line discounts
 * @param lineDiscount discount on the whole line (not per unit); zero when none
 */
public record OrderLine(String productId, String variantId, String category, int quantity, BigDecimal unitPrice,
        BigDecimal lineDiscount) {

    public OrderLine {
        Require.text(productId, "productId");
        Require.positive(quantity, "quantity");
        Require.nonNegative(unitPrice, "unitPrice");
        lineDiscount = Require.nonNegativeOrZero(lineDiscount, "lineDiscount");
    }

    /** Quantity times unit price, less the line discount. */
    public BigDecimal netAmount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(lineDiscount);
    }
}
