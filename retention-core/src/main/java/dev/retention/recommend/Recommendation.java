package dev.retention.recommend;

import dev.retention.host.CatalogProduct;
import java.util.Objects;

/**
 * One recommended product with why it is shown.
 *
 * @param product what the catalogue says about it (name, price, image, link)
 * @param score   the engine's score; comparable only within one answer
 * @param reason  the shopper-facing explanation, e.g. {@code Because you bought Espresso Beans}
 * @param source  which signal put it there
 */
public record Recommendation(CatalogProduct product, double score, String reason, Source source) {

    public Recommendation {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }

    public String productId() {
        return product.productId();
    }

    /** The signal behind a recommendation. */
    public enum Source {
        /** Item-item similarity over customers' histories ("customers who bought X also bought"). */
        SIMILAR,
        /** Same-order co-occurrence ("frequently bought together"). */
        BOUGHT_TOGETHER,
        /** The customer's own history, recency weighted ("because you bought X"). */
        PERSONAL,
        /** Trending or popular in a category: the cold-start fallback. */
        POPULAR
    }
}
