package dev.retention.demo.checkout;

import java.math.BigDecimal;
import java.util.List;

/**
 * A priced checkout. {@code discounts} is every discount (line discounts included), so
 * {@code total = subtotal - discounts + shipping + tax}.
 */
public record Quote(List<QuoteLine> lines, BigDecimal subtotal, BigDecimal discounts, BigDecimal shipping,
        BigDecimal tax, BigDecimal total, List<String> appliedLabels) {

    /** A priced line; {@code lineDiscount} is the part of this line given away (a free product). */
    public record QuoteLine(long productId, String name, String categoryId, int quantity, BigDecimal unitPrice,
            BigDecimal lineDiscount) {

        public BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(lineDiscount);
        }
    }
}
