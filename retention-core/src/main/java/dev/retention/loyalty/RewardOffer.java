package dev.retention.loyalty;

/**
 * A reward as offered to one shopper.
 *
 * @param affordable whether the balance covers it now
 * @param score      personal ranking score (higher first): affinity with the shopper's purchase categories and
 *                   value per point
 */
public record RewardOffer(Reward reward, boolean affordable, double score) {
}
