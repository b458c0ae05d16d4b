package dev.retention.loyalty;

import dev.retention.host.DiscountSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A reward in the catalogue, bought with a fixed number of points.
 *
 * @param kind          AMOUNT_OFF, PERCENT_OFF (capped by {@code cap}), FREE_SHIPPING, FREE_PRODUCT or STORE_CREDIT
 * @param value         amount off / percent off / store credit amount; unused for free shipping and product
 * @param cap           maximum discount of a PERCENT_OFF reward (null = uncapped)
 * @param productId     the product of a FREE_PRODUCT reward
 * @param pointsCost    points the reward costs
 * @param minimumOrder  smallest cart total the reward applies to (null = none)
 * @param tiers         tiers that may redeem it (empty = everyone)
 * @param earlyAccessUntil before this instant only {@code tiers} may redeem it; after, everyone (null = tier-only
 *                      when {@code tiers} is set)
 * @param validFrom     first instant it can be redeemed (null = always)
 * @param validUntil    last instant it can be redeemed (null = no end)
 * @param category      product category it relates to, used to rank it for shoppers who buy that category
 */
public record Reward(String id, String name, Kind kind, BigDecimal value, BigDecimal cap, String productId,
        long pointsCost, BigDecimal minimumOrder, List<String> tiers, Instant earlyAccessUntil, Instant validFrom,
        Instant validUntil, String category) {

    public enum Kind { AMOUNT_OFF, PERCENT_OFF, FREE_SHIPPING, FREE_PRODUCT, STORE_CREDIT }

    public Reward {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalArgumentException("rewards.id: 1-100 letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rewards.name: must not be blank");
        }
        if (kind == null) {
            throw new IllegalArgumentException("rewards.kind: is required");
        }
        if (pointsCost < 1) {
            throw new IllegalArgumentException("rewards.pointsCost: must be at least 1");
        }
        if ((kind == Kind.AMOUNT_OFF || kind == Kind.PERCENT_OFF || kind == Kind.STORE_CREDIT)
                && (value == null || value.signum() <= 0)) {
            throw new IllegalArgumentException("rewards.value: must be positive for " + kind);
        }
        if (kind == Kind.PERCENT_OFF && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("rewards.value: a percentage must be at most 100");
        }
        if (kind == Kind.FREE_PRODUCT && (productId == null || productId.isBlank())) {
            throw new IllegalArgumentException("rewards.productId: required for FREE_PRODUCT");
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("rewards.validUntil: must be after validFrom");
        }
        tiers = List.copyOf(tiers == null ? List.of() : tiers);
    }

    /** Whether a shopper in {@code tier} may redeem it at {@code at} for a cart of {@code cartTotal} (null = unknown). */
    public boolean availableTo(String tier, Instant at, BigDecimal cartTotal) {
        if (validFrom != null && at.isBefore(validFrom) || validUntil != null && at.isAfter(validUntil)) {
            return false;
        }
        boolean restricted = !tiers.isEmpty() && (earlyAccessUntil == null || at.isBefore(earlyAccessUntil));
        if (restricted && (tier == null || !tiers.contains(tier))) {
            return false;
        }
        return minimumOrder == null || cartTotal == null || cartTotal.compareTo(minimumOrder) >= 0;
    }

    /** The discount the host applies, in the given currency; empty for store credit. */
    public DiscountSpec discount(String currency) {
        return switch (kind) {
            case AMOUNT_OFF -> new DiscountSpec.AmountOff(value, currency);
            case PERCENT_OFF -> new DiscountSpec.PercentOff(value, cap, currency);
            case FREE_SHIPPING -> new DiscountSpec.FreeShipping();
            case FREE_PRODUCT -> new DiscountSpec.FreeProduct(productId);
            case STORE_CREDIT -> null;
        };
    }
}
