package dev.retention.demo.checkout;

import dev.retention.demo.catalog.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shop's price rules: prices exclude VAT (20 %, added on the discounted merchandise); shipping is 4.90 below
 * 49.00 of discounted merchandise, else free; discounts never take the merchandise below zero.
 */
public final class Pricing {

    public static final BigDecimal VAT_RATE = new BigDecimal("0.20");
    public static final BigDecimal SHIPPING_FEE = new BigDecimal("4.90");
    public static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("49.00");

    private Pricing() {
    }

    /** Prices {@code quantities} (in cart order) with {@code discounts}; a free product missing from the cart is added. */
    public static Quote quote(Map<Product, Integer> quantities, List<Discount> discounts, Map<Long, Product> freeProducts) {
        List<Quote.QuoteLine> lines = new ArrayList<>();
        for (Map.Entry<Product, Integer> entry : quantities.entrySet()) {
            Product p = entry.getKey();
            lines.add(new Quote.QuoteLine(p.id(), p.name(), p.categoryId(), entry.getValue(), p.price(), BigDecimal.ZERO));
        }
        List<String> labels = new ArrayList<>();
        boolean freeShipping = false;
        for (Discount d : discounts) {
            if ("FREE_PRODUCT".equals(d.kind()) && d.productId() != null) {
                long productId = Long.parseLong(d.productId());
                int index = indexOf(lines, productId);
                if (index >= 0) {
                    Quote.QuoteLine line = lines.get(index);
                    if (line.lineDiscount().signum() == 0) {
                        lines.set(index, new Quote.QuoteLine(line.productId(), line.name(), line.categoryId(),
                                line.quantity(), line.unitPrice(), line.unitPrice()));
                        labels.add(label(d));
                    }
                } else if (freeProducts.containsKey(productId)) {
                    Product p = freeProducts.get(productId);
                    lines.add(new Quote.QuoteLine(p.id(), p.name(), p.categoryId(), 1, p.price(), p.price()));
                    labels.add(label(d));
                }
            } else if ("FREE_SHIPPING".equals(d.kind())) {
                freeShipping = true;
                labels.add(label(d));
            }
        }
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal lineDiscounts = BigDecimal.ZERO;
        for (Quote.QuoteLine line : lines) {
            subtotal = subtotal.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
            lineDiscounts = lineDiscounts.add(line.lineDiscount());
        }
        BigDecimal merchandise = subtotal.subtract(lineDiscounts);
        BigDecimal orderDiscounts = BigDecimal.ZERO;
        for (Discount d : discounts) {
            BigDecimal remaining = merchandise.subtract(orderDiscounts);
            BigDecimal off = BigDecimal.ZERO;
            if ("AMOUNT".equals(d.kind()) && d.amount() != null) {
                off = d.amount().min(remaining);
            } else if ("PERCENT".equals(d.kind()) && d.percent() != null) {
                off = remaining.multiply(d.percent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                if (d.cap() != null) {
                    off = off.min(d.cap());
                }
            }
            if (off.signum() > 0) {
                orderDiscounts = orderDiscounts.add(off);
                labels.add(label(d));
            }
        }
        BigDecimal net = merchandise.subtract(orderDiscounts).setScale(2, RoundingMode.HALF_UP);
        BigDecimal shipping = freeShipping || net.compareTo(FREE_SHIPPING_FROM) >= 0 || lines.isEmpty()
                ? BigDecimal.ZERO.setScale(2) : SHIPPING_FEE;
        BigDecimal tax = net.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP);
        BigDecimal discountsTotal = lineDiscounts.add(orderDiscounts).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = net.add(shipping).add(tax);
        return new Quote(List.copyOf(lines), subtotal.setScale(2, RoundingMode.HALF_UP), discountsTotal, shipping, tax,
                total, List.copyOf(labels));
    }

    private static int indexOf(List<Quote.QuoteLine> lines, long productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId() == productId) {
                return i;
            }
        }
        return -1;
    }

    private static String label(Discount d) {
        return d.label() == null || d.label().isBlank() ? d.kind().toLowerCase().replace('_', ' ') : d.label();
    }
}
