package dev.retention.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.host.CartLine;
import dev.retention.host.CartUpdated;
import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import dev.retention.host.OrderCancelled;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderTotals;
import dev.retention.host.ProductViewed;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJobs;
import dev.retention.privacy.PrivacyService;
import dev.retention.recommend.RecommendationFeedback.Kind;
import dev.retention.recommend.RecommendationFeedback.PlacementStats;
import dev.retention.recommend.internal.IndexStore;
import dev.retention.recommend.internal.RecommendationEngine;
import dev.retention.recommend.internal.RecommendationIndex;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@Tag("db")
@SpringBootTest(classes = {CoreTestApplication.class, RecommendationsIntegrationTest.Catalog.class},
        properties = {"retention.inbox.worker=false", "retention.recommend.similarity=cosine",
            "retention.recommend.together.min-support=1", "retention.recommend.refresh-interval=0"})
class RecommendationsIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "recommend");
    }

    /** The host's catalogue: knows only the products a test adds, so other runs' data never shows. */
    @TestConfiguration
    static class Catalog {
        @Bean
        Map<String, CatalogProduct> catalogProducts() {
            return new ConcurrentHashMap<>();
        }

        @Bean
        CatalogPort catalogPort(Map<String, CatalogProduct> catalogProducts) {
            return id -> Optional.ofNullable(catalogProducts.get(id));
        }
    }

    @Autowired
    RetentionEvents events;
    @Autowired
    Inbox inbox;
    @Autowired
    RetentionJobs jobs;
    @Autowired
    RecommendationEngine engine;
    @Autowired
    Recommendations recommendations;
    @Autowired
    RecommendationFeedback feedback;
    @Autowired
    PrivacyService privacy;
    @Autowired
    Map<String, CatalogProduct> catalogProducts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    String id;
    Instant t0;

    @BeforeEach
    void setUp() {
        id = TestDatabase.uniquePrefix();
        inbox.drain();
        t0 = clock.instant().minus(Duration.ofDays(10));
        for (String p : List.of("beans", "grinder", "filter", "mug", "tea")) {
            catalogProducts.put(id + p, new CatalogProduct(id + p, "Name " + p, new BigDecimal("10.00"), "EUR",
                    "/img/" + p, "/p/" + p, true, p.equals("tea") ? "tea" : "coffee", null, false, 0));
        }
    }

    @Test
    void trainingFromPublishedOrdersServesAlsoBoughtAndLeavesOutCancelledOrders() {
        place("c1", "o1", t0, "beans", "grinder");
        place("c2", "o2", t0, "beans", "grinder", "filter");
        place("c3", "o3", t0, "beans", "tea");
        events.publish(new OrderCancelled(id + "o3-cancelled", t0.plusSeconds(60), id + "c3", id + "o3", "changed"));
        inbox.drain();

        assertThat(jobs.runBlocking("recommend-train")).get().satisfies(run ->
                assertThat(run.status()).isEqualTo("SUCCEEDED"));

        List<Recommendation> related = recommendations.relatedTo(id + "beans", 3);
        assertThat(related).extracting(Recommendation::productId).startsWith(id + "grinder", id + "filter");
        assertThat(related.get(0).reason()).isEqualTo("Customers who bought Name beans also bought this");
        // tea was only in the cancelled order: never related to beans
        int beans = engine.index().itemNo(id + "beans");
        for (int r = 0; r < engine.index().similarCount(beans); r++) {
            assertThat(engine.index().productId(engine.index().similarItem(beans, r))).isNotEqualTo(id + "tea");
        }
    }

    @Test
    void newOrdersAreFoldedInWithoutAFullRunAndTheIndexIsPersisted() {
        place("c1", "o1", t0, "beans", "grinder");
        inbox.drain();
        engine.train();
        assertThat(engine.index().itemNo(id + "mug")).isEqualTo(-1);

        place("c4", "o4", t0.plusSeconds(3600), "mug", "beans");
        inbox.drain();
        // the products of the new order get their rows recomputed: mug and beans
        assertThat(jobs.runBlocking("recommend-fold-in")).get().satisfies(run -> assertThat(run.items()).isEqualTo(2));
        assertThat(engine.foldIn()).as("nothing new the second time").isZero();

        int mug = engine.index().itemNo(id + "mug");
        assertThat(mug).isNotNegative();
        assertThat(engine.index().productId(engine.index().similarItem(mug, 0))).isEqualTo(id + "beans");
        assertThat(recommendations.forCart(List.of(id + "mug"), 1)).extracting(Recommendation::reason)
                .containsExactly("Frequently bought together with Name mug");

        Optional<RecommendationIndex> stored = new IndexStore(jdbc, tx).loadLatest();
        assertThat(stored).get().satisfies(index -> {
            assertThat(index.itemNo(id + "mug")).isEqualTo(mug);
            assertThat(index.similarCount(mug)).isEqualTo(engine.index().similarCount(mug));
        });
    }

    @Test
    void aNodeLoadsAnIndexAnotherNodeStoredAndTrainsAfreshBeforeFoldingIn() {
        place("c1", "o1", t0, "beans", "grinder");
        inbox.drain();
        engine.train();
        assertThat(engine.refreshIfNewer()).as("own index").isFalse();

        RecommendationIndex foreign = new dev.retention.recommend.internal.IndexTrainer(
                dev.retention.recommend.internal.TrainingSettings.defaults(Similarity.COSINE))
                .train(new dev.retention.recommend.internal.Interactions(), clock.instant());
        new IndexStore(jdbc, tx).save(foreign);

        assertThat(engine.refreshIfNewer()).isTrue();
        assertThat(engine.index().itemCount()).isZero();
        engine.foldIn();
        assertThat(engine.index().itemNo(id + "beans")).isNotNegative();
    }

    @Test
    void forCustomerExplainsWithTheCustomersOwnPurchase() {
        place("c1", "o1", t0, "beans", "grinder");
        place("c2", "o2", t0, "beans", "grinder");
        place("c5", "o5", t0.plusSeconds(60), "grinder");
        inbox.drain();
        engine.train();

        List<Recommendation> forYou = recommendations.forCustomer(id + "c5", 1);

        assertThat(forYou).extracting(Recommendation::productId).containsExactly(id + "beans");
        assertThat(forYou.get(0).reason()).isEqualTo("Because you bought Name grinder");
    }

    @Test
    void viewsAndCartAddsAreRecordedOnceAsWeakSignalsAndErasedWithTheCustomer() {
        ProductViewed viewed = new ProductViewed(id + "v1", t0, id + "c6", "s-" + id, id + "mug");
        events.publish(viewed);
        events.publish(new CartUpdated(id + "cart1", t0.plusSeconds(5), id + "c6", "s-" + id, id + "cart",
                List.of(new CartLine(id + "tea", null, 1, BigDecimal.TEN)), BigDecimal.TEN, "EUR"));
        inbox.drain();

        assertThat(jdbc.sql("SELECT kind FROM rtn_reco_signal WHERE customer_id = ? ORDER BY kind")
                .param(id + "c6").query(String.class).list()).containsExactly("CART", "VIEW");
        assertThat(privacy.export(id + "c6")).containsKey("recommendations");

        privacy.erase(id + "c6", "test", clock.instant());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_reco_signal WHERE customer_id = ?").param(id + "c6")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theReportCountsImpressionsClicksAndRevenueOfOrdersWithinADayOfAClick() {
        Instant from = clock.instant().plus(Duration.ofDays(400 + (long) (Math.random() * 1000)));
        String customer = id + "c7";
        feedback.record(Kind.IMPRESSION, Placement.PRODUCT, List.of(id + "mug", id + "tea", id + "filter"),
                customer, "s1", from);
        feedback.record(Kind.IMPRESSION, Placement.PRODUCT, List.of(id + "mug"), null, "s2", from);
        feedback.record(Kind.CLICK, Placement.PRODUCT, List.of(id + "mug"), customer, "s1", from.plusSeconds(10));
        feedback.record(Kind.CLICK, Placement.PRODUCT, List.of(id + "tea"), customer, "s1", from.plusSeconds(20));
        // mug (2 x 10.00) is bought 2 hours after the click; tea only 2 days after: not attributed
        place("c7", "o7", from.plus(Duration.ofHours(2)), "mug", "mug", "beans");
        place("c7", "o8", from.plus(Duration.ofDays(2)), "tea");
        inbox.drain();

        List<PlacementStats> report = feedback.report(from, from.plus(Duration.ofDays(1)));

        PlacementStats product = report.stream().filter(s -> s.placement() == Placement.PRODUCT).findFirst()
                .orElseThrow();
        assertThat(product.impressions()).isEqualTo(4);
        assertThat(product.clicks()).isEqualTo(2);
        assertThat(product.clickThroughRate()).isEqualTo(0.5);
        assertThat(product.attributedOrders()).isOne();
        assertThat(product.attributedRevenue()).isEqualByComparingTo("20.00");
    }

    private void place(String customer, String order, Instant at, String... products) {
        List<OrderLine> lines = new ArrayList<>();
        for (String p : products) {
            lines.add(new OrderLine(id + p, null, catalogProducts.get(id + p).category(), 1, new BigDecimal("10.00"),
                    BigDecimal.ZERO));
        }
        BigDecimal total = new BigDecimal("10.00").multiply(BigDecimal.valueOf(products.length));
        OrderTotals totals = new OrderTotals(total, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, total);
        events.publish(new OrderPlaced(id + order + "-placed", at, id + customer, id + order, null, lines, "EUR",
                totals, "EUR", totals, 0, null, null, List.of(), "web"));
    }
}
