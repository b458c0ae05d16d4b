package dev.retention.engage;

import java.util.List;

/**
 * Optional hook: products to show next to others (order thank-you, abandoned cart). The recommendations feature
 * (or the host) provides a bean; without one, messages simply show no suggestions.
 */
@FunctionalInterface
public interface RelatedProducts {

    /** Up to {@code limit} product ids to suggest to this customer next to the given products. */
    List<String> relatedTo(String customerId, List<String> productIds, int limit);
}
