package dev.retention.host;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the host's catalogue: Retention Kit asks it for what it shows next to a product id (name, price,
 * image, link, stock). Implementations should be cheap (served from the host's cache): recommendations call
 * {@link #products(Collection)} on every request.
 */
public interface CatalogPort {

    /** The product, or empty when the host does not know it (deleted, never published). */
    Optional<CatalogProduct> product(String productId);

    /**
     * Several products at once, keyed by id, in the order asked; unknown ids are left out. Override it when the
     * host can answer in one query.
     */
    default Map<String, CatalogProduct> products(Collection<String> productIds) {
        Map<String, CatalogProduct> found = new LinkedHashMap<>();
        for (String id : productIds) {
            product(id).ifPresent(p -> found.put(id, p));
        }
        return found;
    }
}
