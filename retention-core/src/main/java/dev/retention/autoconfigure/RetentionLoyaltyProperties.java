package dev.retention.autoconfigure;

import dev.retention.loyalty.EarningRule;
import dev.retention.loyalty.ExpiryPolicy;
import dev.retention.loyalty.LoyaltySettings;
import dev.retention.loyalty.NegativeBalancePolicy;
import dev.retention.loyalty.Reward;
import dev.retention.loyalty.TierPolicy;
import dev.retention.referral.ReferralPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loyalty programme defaults under {@code retention.loyalty.*}. Admins override them at runtime through
 * {@code /admin/retention/api/settings/{loyalty|tiers|rewards|referrals}}; these values apply until then.
 *
 * @param enabled                whether the loyalty programme reacts to events
 * @param currency               the shop's base currency; rewards and the earning basis use it
 * @param pointsPerUnit          points per unit of base currency of the earning basis
 * @param tierMultipliers        earning multiplier per tier name
 * @param categoryMultipliers    earning multiplier per product category
 * @param bonuses                fixed points for actions
 * @param returnWindow           how long after completion order points stay pending
 * @param negativeBalance        ALLOW_DEBT (negative balance through a DEBT entry) or CLAMP (stop at zero)
 * @param expiryMode             NEVER, FIXED (days after earning) or INACTIVITY (days after last activity)
 * @param expiryDays             days for FIXED and INACTIVITY expiry
 * @param expiryWarningDays      days before expiry the PointsExpiring event is published
 * @param pointValue             base-currency value of one point when paying with points
 * @param maxCartPercent         pay-with-points covers at most this percent of the cart
 * @param minimumRedemption      smallest pay-with-points redemption in points
 * @param reservationTimeout     a checkout reservation not used by an order is released after this
 * @param reviewsPerMonth        approved reviews earning points per calendar month
 * @param sharePeriod            a social share earns at most once per this period (whole days)
 * @param tierBasis              POINTS_EARNED or AMOUNT_SPENT
 * @param tierWindow             ROLLING or CALENDAR_YEAR
 * @param tierWindowDays         length of the rolling tier window
 * @param tierGraceDays          days after the period end before a downgrade
 * @param tiers                  tiers with ascending thresholds
 * @param rewards                the initial rewards catalogue
 * @param referralLinkBase       prefix of the share link; the code is appended
 * @param referralChecks         whether same e-mail, address and payment fingerprints refuse a referral
 * @param expiryInterval         how often the expiry job runs
 * @param driftInterval          how often the ledger verifier runs
 */
@ConfigurationProperties("retention.loyalty")
public record RetentionLoyaltyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("EUR") String currency,
        @DefaultValue("1") BigDecimal pointsPerUnit, Map<String, BigDecimal> tierMultipliers,
        Map<String, BigDecimal> categoryMultipliers, @DefaultValue Bonuses bonuses,
        @DefaultValue("30d") Duration returnWindow, @DefaultValue("ALLOW_DEBT") NegativeBalancePolicy negativeBalance,
        @DefaultValue("FIXED") ExpiryPolicy.Mode expiryMode, @DefaultValue("365") int expiryDays,
        @DefaultValue("30") int expiryWarningDays, @DefaultValue("0.01") BigDecimal pointValue,
        @DefaultValue("50") BigDecimal maxCartPercent, @DefaultValue("100") long minimumRedemption,
        @DefaultValue("30m") Duration reservationTimeout, @DefaultValue("5") int reviewsPerMonth,
        @DefaultValue("7d") Duration sharePeriod, @DefaultValue("POINTS_EARNED") TierPolicy.Basis tierBasis,
        @DefaultValue("ROLLING") TierPolicy.Window tierWindow, @DefaultValue("365") int tierWindowDays,
        @DefaultValue("30") int tierGraceDays, List<TierProperties> tiers, List<Reward> rewards,
        @DefaultValue("/?ref=") String referralLinkBase, @DefaultValue("true") boolean referralChecks,
        @DefaultValue("1h") Duration expiryInterval, @DefaultValue("6h") Duration driftInterval) {

    /**
     * Action bonuses in points; 0 switches one off.
     *
     * @param signUp         on registration
     * @param firstPurchase  added to the first order's points
     * @param birthday       each birthday
     * @param review         per approved review
     * @param socialShare    per share, once per share period
     * @param anniversary    each account anniversary
     * @param referrer       to the referrer when the friend's first order confirms
     * @param referredFriend added to the referred friend's first order's points
     */
    public record Bonuses(@DefaultValue("100") long signUp, @DefaultValue("0") long firstPurchase,
            @DefaultValue("100") long birthday, @DefaultValue("25") long review, @DefaultValue("10") long socialShare,
            @DefaultValue("50") long anniversary, @DefaultValue("500") long referrer,
            @DefaultValue("250") long referredFriend) {
    }

    /**
     * One tier.
     *
     * @param name         tier name
     * @param threshold    qualifying points or money
     * @param multiplier   earning multiplier for members
     * @param freeShipping whether members get free shipping rewards
     * @param benefits     text shown to shoppers
     */
    public record TierProperties(String name, BigDecimal threshold, BigDecimal multiplier, boolean freeShipping,
            String benefits) {
    }

    LoyaltySettings settings() {
        Map<String, BigDecimal> multipliers = new java.util.LinkedHashMap<>(tierMultipliers == null ? Map.of()
                : tierMultipliers);
        for (TierProperties tier : effectiveTiers()) {
            if (tier.multiplier() != null) {
                multipliers.putIfAbsent(tier.name(), tier.multiplier());
            }
        }
        EarningRule earning = new EarningRule(1, pointsPerUnit, multipliers, categoryMultipliers, List.of(),
                new EarningRule.Bonuses(bonuses.signUp(), bonuses.firstPurchase(), bonuses.birthday(),
                        bonuses.review(), bonuses.socialShare(), bonuses.anniversary(), bonuses.referrer(),
                        bonuses.referredFriend()));
        return new LoyaltySettings(earning, new ExpiryPolicy(expiryMode, expiryDays, expiryWarningDays),
                new LoyaltySettings.RedemptionPolicy(pointValue, maxCartPercent, minimumRedemption,
                        (int) reservationTimeout.toMinutes()),
                negativeBalance, (int) returnWindow.toDays(),
                new LoyaltySettings.ActionLimits(reviewsPerMonth, (int) Math.max(1, sharePeriod.toDays())));
    }

    TierPolicy tierPolicy() {
        return new TierPolicy(tierBasis, tierWindow, tierWindowDays, tierGraceDays, effectiveTiers().stream()
                .map(t -> new TierPolicy.Tier(t.name(), t.threshold(), t.freeShipping(), t.benefits())).toList());
    }

    /** Without configured tiers: Silver at 1,000 and Gold at 5,000 qualifying points (or currency units). */
    List<TierProperties> effectiveTiers() {
        if (tiers != null && !tiers.isEmpty()) {
            return tiers;
        }
        return List.of(new TierProperties("Silver", BigDecimal.valueOf(1000), new BigDecimal("1.25"), false,
                        "25% more points"),
                new TierProperties("Gold", BigDecimal.valueOf(5000), new BigDecimal("1.5"), true,
                        "50% more points, free shipping, early access to offers"));
    }

    /** Without a configured catalogue: 5 off for 500 points, free shipping for 300, 10% off (max 20) for 800. */
    List<Reward> effectiveRewards() {
        if (rewards != null && !rewards.isEmpty()) {
            return rewards;
        }
        return List.of(
                new Reward("five-off", "5 " + currency + " off", Reward.Kind.AMOUNT_OFF, BigDecimal.valueOf(5), null,
                        null, 500, null, List.of(), null, null, null, null),
                new Reward("free-shipping", "Free shipping", Reward.Kind.FREE_SHIPPING, null, null, null, 300, null,
                        List.of(), null, null, null, null),
                new Reward("ten-percent", "10% off (up to 20 " + currency + ")", Reward.Kind.PERCENT_OFF,
                        BigDecimal.TEN, BigDecimal.valueOf(20), null, 800, new BigDecimal("30"), List.of(), null,
                        null, null, null));
    }

    ReferralPolicy referralPolicy() {
        return new ReferralPolicy(true, referralLinkBase, referralChecks, referralChecks, referralChecks);
    }
}
