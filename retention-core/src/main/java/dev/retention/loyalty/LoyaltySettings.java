package dev.retention.loyalty;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The programme settings edited under {@code /admin/retention/api/settings/loyalty}. Each save is a new version;
 * events are evaluated with the version in force at their {@code occurredAt}.
 *
 * @param earning          the earning rule (its version is the settings version)
 * @param expiry           when points expire
 * @param redemption       checkout redemption limits
 * @param negativeBalance  what a clawback does when the points were already spent
 * @param returnWindowDays days after completion before pending points confirm
 * @param limits           caps on action earnings
 */
public record LoyaltySettings(EarningRule earning, ExpiryPolicy expiry, RedemptionPolicy redemption,
        NegativeBalancePolicy negativeBalance, int returnWindowDays, ActionLimits limits) {

    public LoyaltySettings {
        if (earning == null) {
            throw new IllegalArgumentException("earning: is required");
        }
        if (expiry == null) {
            throw new IllegalArgumentException("expiry: is required");
        }
        if (redemption == null) {
            throw new IllegalArgumentException("redemption: is required");
        }
        if (negativeBalance == null) {
            throw new IllegalArgumentException("negativeBalance: must be ALLOW_DEBT or CLAMP");
        }
        if (returnWindowDays < 0) {
            throw new IllegalArgumentException("returnWindowDays: must be zero or more, was " + returnWindowDays);
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits: is required");
        }
    }

    public Duration returnWindow() {
        return Duration.ofDays(returnWindowDays);
    }

    public LoyaltySettings withEarning(EarningRule rule) {
        return new LoyaltySettings(rule, expiry, redemption, negativeBalance, returnWindowDays, limits);
    }

    /**
     * Redemption at checkout.
     *
     * @param pointValue                money (base currency) one point is worth when paying with points
     * @param maxCartPercent            "pay with points" covers at most this percent of the cart total
     * @param minimumPoints             smallest "pay with points" redemption
     * @param reservationTimeoutMinutes a reservation not used by an order within this time is released
     */
    public record RedemptionPolicy(BigDecimal pointValue, BigDecimal maxCartPercent, long minimumPoints,
            int reservationTimeoutMinutes) {
        public RedemptionPolicy {
            if (pointValue == null || pointValue.signum() <= 0) {
                throw new IllegalArgumentException("redemption.pointValue: must be positive");
            }
            if (maxCartPercent == null || maxCartPercent.signum() <= 0
                    || maxCartPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("redemption.maxCartPercent: must be in (0, 100]");
            }
            if (minimumPoints < 1) {
                throw new IllegalArgumentException("redemption.minimumPoints: must be at least 1");
            }
            if (reservationTimeoutMinutes < 1) {
                throw new IllegalArgumentException("redemption.reservationTimeoutMinutes: must be at least 1");
            }
        }

        public Duration reservationTimeout() {
            return Duration.ofMinutes(reservationTimeoutMinutes);
        }
    }

    /**
     * Caps on action earnings, per period.
     *
     * @param reviewsPerMonth  approved reviews that earn points per calendar month (UTC)
     * @param sharePeriodDays  a social share earns at most once per this many days
     */
    public record ActionLimits(int reviewsPerMonth, int sharePeriodDays) {
        public ActionLimits {
            if (reviewsPerMonth < 0) {
                throw new IllegalArgumentException("limits.reviewsPerMonth: must be zero or more");
            }
            if (sharePeriodDays < 1) {
                throw new IllegalArgumentException("limits.sharePeriodDays: must be at least 1");
            }
        }
    }
}
