package dev.retention.recommend;

import java.math.BigDecimal;
import java.util.List;

/**
 * What to recommend and under which business constraints.
 *
 * @param placement  where it is shown
 * @param anchors    the products the recommendation is about (the product page's product, the cart); may be empty
 * @param customerId the signed-in customer, or null for a guest
 * @param category   only products of this category, or null
 * @param minPrice   only products at or above this price, or null
 * @param maxPrice   only products at or below this price, or null
 * @param limit      how many to return, 1 to 100
 */
public record RecommendationRequest(Placement placement, List<String> anchors, String customerId, String category,
        BigDecimal minPrice, BigDecimal maxPrice, int limit) {

    /** The most a single request may ask for. */
    public static final int MAX_LIMIT = 100;

    public RecommendationRequest {
        if (placement == null) {
            throw new IllegalArgumentException("placement: required");
        }
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw new IllegalArgumentException("minPrice: must not exceed maxPrice");
        }
    }

    public static RecommendationRequest of(Placement placement, List<String> anchors, String customerId, int limit) {
        return new RecommendationRequest(placement, anchors, customerId, null, null, null, limit);
    }
}
