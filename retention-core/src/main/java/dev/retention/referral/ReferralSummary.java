package dev.retention.referral;

/**
 * A shopper's referral page: their code and link, and their funnel.
 *
 * @param shared      times the shopper shared the link
 * @param signedUp    friends who registered with the code (refused ones excluded)
 * @param ordered     friends who placed a first order
 * @param rewarded    friends whose first order confirmed, earning the referrer points
 * @param pointsEarned referral points the shopper received
 */
public record ReferralSummary(String customerId, String code, String link, long shared, long signedUp, long ordered,
        long rewarded, long refused, long pointsEarned) {
}
