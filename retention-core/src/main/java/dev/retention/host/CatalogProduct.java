package dev.retention.host;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What Retention Kit needs to know about a product.
 *
 * @param variantGroup      products sharing a group are near-identical (sizes, colours); recommendations show one
 * @param repurchasable     whether shoppers buy it again (consumables); such products may be recommended again
 * @param replenishmentDays typical days between purchases of a consumable, 0 when unknown or not a consumable
 */
public record CatalogProduct(String productId, String name, BigDecimal price, String currency, String imageUrl,
        String url, boolean inStock, String category, String variantGroup, boolean repurchasable,
        int replenishmentDays) {

    public CatalogProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        variantGroup = variantGroup == null ? productId : variantGroup;
    }
}
