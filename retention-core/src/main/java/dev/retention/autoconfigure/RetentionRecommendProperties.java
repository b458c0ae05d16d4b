package dev.retention.autoconfigure;

import dev.retention.recommend.Similarity;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recommendations, under {@code retention.recommend.*}.
 *
 * @param enabled             whether recommendations switch on
 * @param similarity          item-item similarity: {@code log-likelihood} or {@code cosine}
 * @param neighbours          similar and bought-together products kept per product in the index
 * @param together            frequently-bought-together thresholds
 * @param viewWeight          weight of a product view relative to a purchase (1); 0 ignores views
 * @param cartWeight          weight of a cart add relative to a purchase (1); 0 ignores cart adds
 * @param signalRetention     how far back views and cart adds are used for training
 * @param trendingHalfLife    age at which a sale counts half toward trending popularity
 * @param recencyHalfLife     age at which a customer's own purchase counts half for recommended-for-you
 * @param historySize         most recent distinct products of a customer used for recommended-for-you
 * @param maxItemsPerCustomer most recent distinct products of one customer used in training (caps outliers)
 * @param maxCategoryShare    largest share of one answer from a single category while others have candidates
 * @param trainingInterval    how often the index is fully retrained ({@code 0} for on demand only)
 * @param foldInInterval      how often orders placed since are folded into the index ({@code 0} to disable)
 * @param refreshInterval     how often each node looks for an index another node trained ({@code 0} to disable)
 */
@ConfigurationProperties("retention.recommend")
public record RetentionRecommendProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("log-likelihood") Similarity similarity, @DefaultValue("50") int neighbours,
        @DefaultValue Together together, @DefaultValue("0.2") float viewWeight, @DefaultValue("0.5") float cartWeight,
        @DefaultValue("180d") Duration signalRetention, @DefaultValue("30d") Duration trendingHalfLife,
        @DefaultValue("90d") Duration recencyHalfLife, @DefaultValue("50") int historySize,
        @DefaultValue("500") int maxItemsPerCustomer, @DefaultValue("0.5") double maxCategoryShare,
        @DefaultValue("6h") Duration trainingInterval, @DefaultValue("5m") Duration foldInInterval,
        @DefaultValue("1m") Duration refreshInterval) {

    public RetentionRecommendProperties {
        if (viewWeight < 0 || viewWeight > 1 || cartWeight < 0 || cartWeight > 1) {
            throw new IllegalArgumentException("retention.recommend.view-weight and cart-weight must be in [0, 1]");
        }
        if (maxCategoryShare <= 0 || maxCategoryShare > 1) {
            throw new IllegalArgumentException("retention.recommend.max-category-share must be in (0, 1], was "
                    + maxCategoryShare);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("retention.recommend.history-size must be at least 1");
        }
    }

    /**
     * Frequently bought together: a pair (a, b) is kept when at least {@code minSupport} orders contain both, the
     * confidence {@code support / orders(a)} is at least {@code minConfidence} and the lift
     * {@code confidence / (orders(b) / orders)} at least {@code minLift}.
     *
     * @param minSupport    least number of orders containing both products
     * @param minConfidence least share of the anchor's orders that contain the other product
     * @param minLift       least lift; above 1 means bought together more often than by chance
     */
    public record Together(@DefaultValue("2") int minSupport, @DefaultValue("0.01") double minConfidence,
            @DefaultValue("1.0") double minLift) {
    }
}
