package dev.retention.demo.cart;

import dev.retention.demo.catalog.Product;
import java.math.BigDecimal;

/** One cart line with its product. */
public record CartLineView(Product product, int quantity) {

    public BigDecimal lineTotal() {
        return product.price().multiply(BigDecimal.valueOf(quantity));
    }
}
