package dev.retention.demo.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.demo.catalog.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static Product product(long id, String price) {
        return new Product(id, "RK-" + id, "Product " + id, "kitchen", "d", new BigDecimal(price), 10, "g" + id, null,
                false, 0, 0, 0, 0, Instant.EPOCH);
    }

    private static Map<Product, Integer> cart(Object... productAndQuantity) {
        Map<Product, Integer> cart = new LinkedHashMap<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            cart.put((Product) productAndQuantity[i], (Integer) productAndQuantity[i + 1]);
        }
        return cart;
    }

    @Test
    void smallCartPaysShippingAndVatOnMerchandise() {
        Quote quote = Pricing.quote(cart(product(1, "10.00"), 2), List.of(), Map.of());

        assertThat(quote.subtotal()).isEqualByComparingTo("20.00");
        assertThat(quote.discounts()).isEqualByComparingTo("0");
        assertThat(quote.shipping()).isEqualByComparingTo("4.90");
        assertThat(quote.tax()).isEqualByComparingTo("4.00");
        assertThat(quote.total()).isEqualByComparingTo("28.90");
    }

    @Test
    void percentOffIsCappedAndShippingIsFreeFromTheThreshold() {
        Discount tenPercentCappedAtFive = new Discount("PERCENT", null, BigDecimal.TEN, new BigDecimal("5.00"), null,
                "10 % off");

        Quote quote = Pricing.quote(cart(product(1, "100.00"), 1), List.of(tenPercentCappedAtFive), Map.of());

        assertThat(quote.discounts()).isEqualByComparingTo("5.00");
        assertThat(quote.shipping()).isEqualByComparingTo("0");
        assertThat(quote.tax()).isEqualByComparingTo("19.00");
        assertThat(quote.total()).isEqualByComparingTo("114.00");
        assertThat(quote.appliedLabels()).containsExactly("10 % off");
    }

    @Test
    void amountOffNeverTakesMerchandiseBelowZero() {
        Discount fiftyOff = new Discount("AMOUNT", new BigDecimal("50.00"), null, null, null, "reward");

        Quote quote = Pricing.quote(cart(product(1, "12.00"), 1), List.of(fiftyOff), Map.of());

        assertThat(quote.discounts()).isEqualByComparingTo("12.00");
        assertThat(quote.tax()).isEqualByComparingTo("0");
        assertThat(quote.total()).isEqualByComparingTo("4.90");
    }

    @Test
    void freeProductMissingFromTheCartIsAddedAtNoCharge() {
        Product gift = product(9, "7.50");
        Discount free = new Discount("FREE_PRODUCT", null, null, null, "9", "free gift");
        Discount freeShipping = new Discount("FREE_SHIPPING", null, null, null, null, null);

        Quote quote = Pricing.quote(cart(product(1, "10.00"), 1), List.of(free, freeShipping), Map.of(9L, gift));

        assertThat(quote.lines()).hasSize(2);
        assertThat(quote.lines().get(1).lineDiscount()).isEqualByComparingTo("7.50");
        assertThat(quote.subtotal()).isEqualByComparingTo("17.50");
        assertThat(quote.discounts()).isEqualByComparingTo("7.50");
        assertThat(quote.shipping()).isEqualByComparingTo("0");
        assertThat(quote.total()).isEqualByComparingTo("12.00");
    }
}
