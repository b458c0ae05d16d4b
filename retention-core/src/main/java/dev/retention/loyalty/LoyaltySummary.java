package dev.retention.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the shopper sees: spendable balance, pending points, tier and progress, points expiring soon.
 *
 * @param qualifying    the tier-qualifying value so far (points or money)
 * @param nextTier      the next tier's name, null at the top
 * @param remaining     qualifying value still needed for the next tier
 * @param expiringSoon  points expiring within the warning period
 * @param expiringBy    the earliest of those expiries
 */
public record LoyaltySummary(String customerId, long balance, long pending, String tier, BigDecimal qualifying,
        String nextTier, BigDecimal remaining, long expiringSoon, Instant expiringBy, BigDecimal balanceValue) {
}
