package dev.retention.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import dev.retention.recommend.Recommendation.Source;
import dev.retention.recommend.internal.CustomerPurchases;
import dev.retention.recommend.internal.CustomerPurchases.Purchase;
import dev.retention.recommend.internal.IndexStore;
import dev.retention.recommend.internal.IndexTrainer;
import dev.retention.recommend.internal.Interactions;
import dev.retention.recommend.internal.RecommendationEngine;
import dev.retention.recommend.internal.TrainingData;
import dev.retention.recommend.internal.TrainingSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders (one per customer, all today):
 * <pre>
 *   u1: A B C D     u3: A B2 E     u5: G
 *   u2: A B C       u4: A C F      u6: G
 * </pre>
 * A, B, B2 are coffee (B2 a variant of B), C and D tea (D out of stock), E and F mugs, G a gift card.
 */
class RecommendationsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Map<String, CatalogProduct> products = new HashMap<>();
    private final Map<String, List<Purchase>> histories = new HashMap<>();
    private Recommendations recommendations;

    @BeforeEach
    void setUp() {
        product("A", "coffee", "10", true, null, false);
        product("B", "coffee", "12", true, "B", false);
        product("B2", "coffee", "12", true, "B", false);
        product("C", "tea", "8", true, null, true);
        product("D", "tea", "9", false, null, false);
        product("E", "mugs", "20", true, null, false);
        product("F", "mugs", "25", true, null, false);
        product("G", "gifts", "50", true, null, false);

        Interactions data = new Interactions();
        order(data, "u1", "A", "B", "C", "D");
        order(data, "u2", "A", "B", "C");
        order(data, "u3", "A", "B2", "E");
        order(data, "u4", "A", "C", "F");
        order(data, "u5", "G");
        order(data, "u6", "G");
        TrainingData trainingData = mock(TrainingData.class);
        given(trainingData.load(any())).willReturn(data);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RecommendationEngine engine = new RecommendationEngine(new IndexTrainer(new TrainingSettings(
                Similarity.COSINE, 10, 1, 0.0, 0.0, Duration.ofDays(30), 500, 10)), trainingData,
                mock(IndexStore.class), clock, Duration.ofDays(180));
        engine.train();
        CatalogPort catalog = id -> Optional.ofNullable(products.get(id));
        CustomerPurchases purchases = (customerId, max) -> histories.getOrDefault(customerId, List.of());
        recommendations = new Recommendations(engine, catalog, purchases, clock, Duration.ofDays(90), 50, 1.0);
    }

    @Test
    void relatedProductsSkipOutOfStockAndShowOneVariantPerGroup() {
        List<Recommendation> related = recommendations.relatedTo("A", 10);

        // A = {u1..u4} (norm 2): cos(A, C) = 3 / (2 * sqrt(3)) = 0.866, cos(A, B) = 2 / (2 * sqrt(2)) = 0.707,
        // plus half the bought-together confidence: C 3/4, B 2/4 -> C 1.241, B 0.957; then B2, D, E, F.
        // D is out of stock and B2 a variant of B, so neither is shown; G only fills in as popular
        assertThat(ids(related)).startsWith("C", "B").contains("E", "F").doesNotContain("A", "D", "B2");
        assertThat(related.get(0).reason()).isEqualTo("Customers who bought Product A also bought this");
        assertThat(related.get(0).source()).isEqualTo(Source.SIMILAR);
    }

    @Test
    void aCartGetsFrequentlyBoughtTogetherWithTheReasonNamingTheCartProduct() {
        List<Recommendation> forCart = recommendations.forCart(List.of("F"), 3);

        // F was ordered once, with A and C: both at confidence 1, plus half their similarity to F:
        // cos(F, C) = 1 / sqrt(3) = 0.577 -> C 1.289, cos(F, A) = 1 / 2 -> A 1.25
        assertThat(ids(forCart)).startsWith("C", "A");
        assertThat(forCart.get(0).reason()).isEqualTo("Frequently bought together with Product F");
        assertThat(forCart.get(0).source()).isEqualTo(Source.BOUGHT_TOGETHER);
    }

    @Test
    void recommendedForYouLeavesOutWhatTheCustomerBoughtUnlessItIsRepurchasable() {
        histories.put("u2", List.of(new Purchase("A", NOW), new Purchase("B", NOW), new Purchase("C", NOW)));

        List<Recommendation> forYou = recommendations.forCustomer("u2", 4);

        // C is a consumable (re-purchasable) and may come back; A and B may not, nor B2 (a variant of B)
        assertThat(ids(forYou)).doesNotContain("A", "B", "B2", "D").contains("C", "E", "F");
        assertThat(forYou).filteredOn(r -> r.source() == Source.PERSONAL)
                .allSatisfy(r -> assertThat(r.reason()).startsWith("Because you bought Product "));
    }

    @Test
    void aCustomerWithoutHistoryGetsTrendingProducts() {
        List<Recommendation> forYou = recommendations.forCustomer("new-customer", 2);

        // popularity: A was sold 4 times, C 3 times
        assertThat(ids(forYou)).containsExactly("A", "C");
        assertThat(forYou.get(0).reason()).isEqualTo("Popular in coffee");
        assertThat(forYou.get(0).source()).isEqualTo(Source.POPULAR);
    }

    @Test
    void categoryAndPriceBandConstrainTheAnswer() {
        List<Recommendation> mugsUnder22 = recommendations.recommend(new RecommendationRequest(Placement.PRODUCT,
                List.of("A"), null, "mugs", null, new BigDecimal("22"), 5));

        assertThat(ids(mugsUnder22)).containsExactly("E");
    }

    @Test
    void noCategoryTakesMoreThanItsShareWhileOthersHaveCandidates() {
        recommendations = new Recommendations(engineFrom(recommendations), id -> Optional.ofNullable(products.get(id)),
                (c, m) -> List.of(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(90), 50, 0.5);

        List<Recommendation> related = recommendations.relatedTo("A", 4);

        // at most ceil(4 * 0.5) = 2 per category: B (coffee), C (tea), then E, F (mugs) rather than a 3rd of any
        assertThat(related).hasSize(4);
        assertThat(related.stream().map(r -> r.product().category()).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(related.stream().filter(r -> "mugs".equals(r.product().category()))).hasSizeLessThanOrEqualTo(2);
    }

    private static RecommendationEngine engineFrom(Recommendations recommendations) {
        try {
            java.lang.reflect.Field field = Recommendations.class.getDeclaredField("engine");
            field.setAccessible(true);
            return (RecommendationEngine) field.get(recommendations);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void product(String id, String category, String price, boolean inStock, String group,
            boolean repurchasable) {
        products.put(id, new CatalogProduct(id, "Product " + id, new BigDecimal(price), "EUR", "/img/" + id,
                "/p/" + id, inStock, category, group, repurchasable, 0));
    }

    private void order(Interactions data, String user, String... items) {
        for (String item : items) {
            data.addPurchase(user, "o-" + user, item, products.get(item).category(), NOW);
        }
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::productId).toList();
    }
}
