package dev.retention.host;

import java.math.BigDecimal;

/**
 * The totals of an order in one currency.
 *
 * @param subtotal  sum of the lines after line discounts, before order-level discounts, shipping and tax
 * @param discounts order-level discounts, including the value of redeemed points
 * @param shipping  shipping charged
 * @param tax       tax charged
 * @param total     what the shopper paid: subtotal - discounts + shipping + tax
 */
public record OrderTotals(BigDecimal subtotal, BigDecimal discounts, BigDecimal shipping, BigDecimal tax,
        BigDecimal total) {

    public OrderTotals {
        Require.nonNegative(subtotal, "subtotal");
        discounts = Require.nonNegativeOrZero(discounts, "discounts");
        shipping = Require.nonNegativeOrZero(shipping, "shipping");
        tax = Require.nonNegativeOrZero(tax, "tax");
        Require.nonNegative(total, "total");
    }

    /** Merchandise value after all discounts, excluding tax and shipping: the usual earning and revenue basis. */
    public BigDecimal netMerchandise() {
        return subtotal.subtract(discounts).max(BigDecimal.ZERO);
    }
}
