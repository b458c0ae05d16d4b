package dev.retention.recommend.internal;

import dev.retention.recommend.Similarity;
import java.time.Duration;

/**
 * How the index is trained.
 *
 * @param similarity          item-item similarity measure
 * @param neighbours          similar and bought-together items kept per item (top K)
 * @param minSupport          orders that must contain both items before they count as bought together
 * @param minConfidence       least share of the anchor's orders that also contain the other item
 * @param minLift             least lift (confidence over the other item's base rate) for bought-together
 * @param trendingHalfLife    age at which a sale counts half toward trending popularity
 * @param maxItemsPerCustomer most recent distinct items of one customer used for similarity (caps outliers)
 * @param popularPerCategory  items kept per category for the popular fallback
 */
public record TrainingSettings(Similarity similarity, int neighbours, int minSupport, double minConfidence,
        double minLift, Duration trendingHalfLife, int maxItemsPerCustomer, int popularPerCategory) {

    public TrainingSettings {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
        }
        if (maxItemsPerCustomer < 2) {
            throw new IllegalArgumentException("maxItemsPerCustomer must be at least 2, was " + maxItemsPerCustomer);
        }
        if (trendingHalfLife.isZero() || trendingHalfLife.isNegative()) {
            throw new IllegalArgumentException("trendingHalfLife must be positive");
        }
    }

    public static TrainingSettings defaults(Similarity similarity) {
        return new TrainingSettings(similarity, 50, 2, 0.01, 1.0, Duration.ofDays(30), 500, 200);
    }
}
