package dev.retention.demo.checkout;

import java.math.BigDecimal;

/**
 * A discount the checkout applies: a Retention Kit grant for this checkout or a coupon. Kinds: AMOUNT (amount off),
 * PERCENT (percent off, capped), FREE_SHIPPING, FREE_PRODUCT (one unit of productId free).
 */
public record Discount(String kind, BigDecimal amount, BigDecimal percent, BigDecimal cap, String productId,
        String label) {
}
