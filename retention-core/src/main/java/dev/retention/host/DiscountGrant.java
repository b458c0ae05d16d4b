package dev.retention.host;

import java.util.Objects;

/**
 * A request to apply a discount to a live checkout, made when a shopper redeems points.
 *
 * @param grantId    Retention Kit's id for this grant; pass it back to {@link DiscountPort#revoke}
 * @param checkoutId the host's checkout (cart) id
 * @param label      text to show on the order, e.g. "500 points redeemed"
 */
public record DiscountGrant(String grantId, String customerId, String checkoutId, DiscountSpec discount,
        String label) {

    public DiscountGrant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(checkoutId, "checkoutId");
        Objects.requireNonNull(discount, "discount");
    }
}
