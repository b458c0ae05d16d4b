package dev.retention.demo.order;

import java.math.BigDecimal;

/** One line of a shop order. */
public record ShopOrderLine(int lineNo, long productId, String productName, String categoryId, int quantity,
        BigDecimal unitPrice, BigDecimal lineDiscount, int refundedQuantity) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(lineDiscount);
    }

    public int refundableQuantity() {
        return quantity - refundedQuantity;
    }

    /** What one unit cost after this line's discount (what a refund of one unit gives back before tax). */
    public BigDecimal netUnitPrice() {
        return lineTotal().divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP);
    }
}
