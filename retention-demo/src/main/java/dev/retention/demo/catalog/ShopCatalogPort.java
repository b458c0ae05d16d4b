package dev.retention.demo.catalog;

import dev.retention.demo.web.ShopEvents;
import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link CatalogPort} over the shop's product table; urls are absolute when {@code demo.base-url} is set. */
@Component
public class ShopCatalogPort implements CatalogPort {

    private final Catalog catalog;
    private final String baseUrl;

    public ShopCatalogPort(Catalog catalog, @Value("${demo.base-url:}") String baseUrl) {
        this.catalog = catalog;
        this.baseUrl = baseUrl;
    }

    @Override
    public Optional<CatalogProduct> product(String productId) {
        if (productId == null || !productId.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return catalog.product(Long.parseLong(productId)).map(this::toCatalogProduct);
    }

    CatalogProduct toCatalogProduct(Product p) {
        return new CatalogProduct(String.valueOf(p.id()), p.name(), p.price(), ShopEvents.CURRENCY,
                baseUrl + p.imageUrl(), baseUrl + p.url(), p.inStock(), p.categoryId(), p.variantGroup(),
                p.repurchasable(), p.replenishmentDays());
    }
}
