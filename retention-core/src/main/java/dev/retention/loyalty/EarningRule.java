package dev.retention.loyalty;

import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How points are earned, as a versioned value. The basis of an order is its merchandise after all discounts, in
 * the shop's base currency, excluding tax, shipping and the part paid with points (redeemed points are part of
 * the order's discounts). Each line's share of the basis earns {@code pointsPerUnit} times its category
 * multiplier; the sum is multiplied by the tier multiplier and every active campaign's multiplier, then rounded
 * down.
 *
 * @param version              recorded on every entry this rule produced, so a clawback never uses a newer rule
 * @param pointsPerUnit        points per one unit of base currency
 * @param tierMultipliers      multiplier per tier name (missing = 1)
 * @param categoryMultipliers  multiplier per product category (missing = 1)
 * @param campaigns            time-boxed multipliers
 * @param bonuses              fixed points for actions
 */
public record EarningRule(int version, BigDecimal pointsPerUnit, Map<String, BigDecimal> tierMultipliers,
        Map<String, BigDecimal> categoryMultipliers, List<Campaign> campaigns, Bonuses bonuses) {

    public EarningRule {
        if (version < 1) {
            throw new IllegalArgumentException("earning.version: must be at least 1, was " + version);
        }
        if (pointsPerUnit == null || pointsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("earning.pointsPerUnit: must be zero or more");
        }
        tierMultipliers = Map.copyOf(tierMultipliers == null ? Map.of() : tierMultipliers);
        categoryMultipliers = Map.copyOf(categoryMultipliers == null ? Map.of() : categoryMultipliers);
        campaigns = List.copyOf(campaigns == null ? List.of() : campaigns);
        bonuses = bonuses == null ? Bonuses.NONE : bonuses;
        tierMultipliers.forEach((tier, m) -> requireMultiplier(m, "earning.tierMultipliers." + tier));
        categoryMultipliers.forEach((c, m) -> requireMultiplier(m, "earning.categoryMultipliers." + c));
    }

    /** The default rule: 1 point per unit of currency, no multipliers or bonuses. */
    public static EarningRule simple(BigDecimal pointsPerUnit) {
        return new EarningRule(1, pointsPerUnit, Map.of(), Map.of(), List.of(), Bonuses.NONE);
    }

    public EarningRule withVersion(int newVersion) {
        return new EarningRule(newVersion, pointsPerUnit, tierMultipliers, categoryMultipliers, campaigns, bonuses);
    }

    /** The merchandise basis of an order in base currency: subtotal after every discount, never negative. */
    public static BigDecimal basis(OrderPlaced order) {
        return order.baseTotals().netMerchandise();
    }

    /** Points an order earns at its {@code occurredAt} for a shopper in {@code tier} (null = no tier). */
    public long pointsFor(OrderPlaced order, String tier) {
        BigDecimal basis = basis(order);
        BigDecimal lineTotal = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            lineTotal = lineTotal.add(line.netAmount().max(BigDecimal.ZERO));
        }
        BigDecimal weighted;
        if (lineTotal.signum() == 0) {
            weighted = basis;
        } else {
            weighted = BigDecimal.ZERO;
            for (OrderLine line : order.lines()) {
                BigDecimal share = line.netAmount().max(BigDecimal.ZERO).multiply(basis)
                        .divide(lineTotal, 10, RoundingMode.HALF_UP);
                weighted = weighted.add(share.multiply(categoryMultipliers.getOrDefault(
                        line.category() == null ? "" : line.category(), BigDecimal.ONE)));
            }
        }
        return points(weighted, tier, order.occurredAt());
    }

    /** Points for an amount of basis (the guest estimate), at {@code at}, for a shopper in {@code tier}. */
    public long pointsFor(BigDecimal basis, String tier, Instant at) {
        return points(basis.max(BigDecimal.ZERO), tier, at);
    }

    private long points(BigDecimal weightedBasis, String tier, Instant at) {
        BigDecimal multiplier = tier == null ? BigDecimal.ONE : tierMultipliers.getOrDefault(tier, BigDecimal.ONE);
        for (Campaign campaign : campaigns) {
            if (campaign.activeAt(at)) {
                multiplier = multiplier.multiply(campaign.multiplier());
            }
        }
        return weightedBasis.multiply(pointsPerUnit).multiply(multiplier).setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }

    private static void requireMultiplier(BigDecimal multiplier, String field) {
        if (multiplier == null || multiplier.signum() < 0) {
            throw new IllegalArgumentException(field + ": must be zero or more");
        }
    }

    /** A multiplier active in {@code [from, to)}. */
    public record Campaign(String name, Instant from, Instant to, BigDecimal multiplier) {
        public Campaign {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("earning.campaigns.name: must not be blank");
            }
            if (from == null || to == null || !to.isAfter(from)) {
                throw new IllegalArgumentException("earning.campaigns.to: must be after from");
            }
            requireMultiplier(multiplier, "earning.campaigns.multiplier");
        }

        public boolean activeAt(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /**
     * Fixed points for actions other than spending. Zero switches a bonus off.
     *
     * @param signUp        on registration
     * @param firstPurchase added to the first order's pending points
     * @param birthday      each birthday
     * @param review        per approved product review
     * @param socialShare   per share, once per {@code ActionLimits.sharePeriod}
     * @param anniversary   each account anniversary
     * @param referrer      to the referrer when the friend's first order confirms
     * @param referredFriend added to the friend's first order's pending points
     */
    public record Bonuses(long signUp, long firstPurchase, long birthday, long review, long socialShare,
            long anniversary, long referrer, long referredFriend) {

        public static final Bonuses NONE = new Bonuses(0, 0, 0, 0, 0, 0, 0, 0);

        public Bonuses {
            long[] all = {signUp, firstPurchase, birthday, review, socialShare, anniversary, referrer, referredFriend};
            String[] names = {"signUp", "firstPurchase", "birthday", "review", "socialShare", "anniversary",
                "referrer", "referredFriend"};
            for (int i = 0; i < all.length; i++) {
                if (all[i] < 0) {
                    throw new IllegalArgumentException("earning.bonuses." + names[i] + ": must be zero or more");
                }
            }
        }
    }
}
