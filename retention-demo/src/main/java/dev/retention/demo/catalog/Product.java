package dev.retention.demo.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the shop sells it. */
public record Product(long id, String sku, String name, String categoryId, String description, BigDecimal price,
        int stock, String variantGroup, String variantLabel, boolean repurchasable, int replenishmentDays, int shape,
        int hue, int restockCount, Instant publishedAt) {

    public boolean inStock() {
        return stock > 0;
    }

    public String imageUrl() {
        return "/images/products/" + id + ".svg";
    }

    public String url() {
        return "/products/" + id;
    }
}
