package dev.retention.host;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An offer to be sent ahead of checkout (win-back, birthday, referral friend, segment promotion, tier perk).
 *
 * @param purpose       why it was issued, e.g. {@code win-back}; hosts may use it for reporting
 * @param minimumOrder  minimum merchandise subtotal for the coupon to apply, or null
 */
public record CouponOffer(String purpose, DiscountSpec discount, BigDecimal minimumOrder) {

    public CouponOffer {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(discount, "discount");
    }
}
