package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.ingest.RetentionJobs;
import dev.retention.support.Problems;
import dev.retention.support.UtcTime;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Segments on a real schema with hand-built customers. Every filter names a category only this test's customers
 * bought, so counts are exact on a database that other runs filled.
 */
@Tag("db")
@SpringBootTest(classes = CoreTestApplication.class, properties = "retention.inbox.worker=false")
class SegmentsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "analytics-segments");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Segments segments;
    @Autowired
    RetentionJobs jobs;
    @Autowired
    MutableClock clock;

    String prefix;
    String shoes;
    String books;
    int orders;

    @BeforeEach
    void customers() {
        prefix = TestDatabase.uniquePrefix();
        shoes = prefix + "shoes";
        books = prefix + "books";
        // ann: de-AT, consent, shoes 2025-01-10 and books 2025-06-01 (last order 2025-06-01), Champions, CLV 500, LOW
        // bob: de, consent, shoes 2024-03-01 (last order), At risk, CLV 40, HIGH
        // cid: en-GB, no consent, shoes 2025-05-01 plus a cancelled books order 2025-07-01, Champions, CLV 300, MEDIUM
        // dora: de, consent, erased, shoes 2025-02-01, Champions, CLV 900, LOW
        // eve: de, consent, no e-mail, shoes 2025-03-01, Loyal, CLV 200, LOW
        customer("ann", "de-AT", true, "  Ann.Example@Mail.TEST ", null);
        customer("bob", "de", true, "bob@example.com", null);
        customer("cid", "en-GB", false, "cid@example.com", null);
        customer("dora", "de", true, "dora@example.com", Instant.parse("2025-08-01T00:00:00Z"));
        customer("eve", "de", true, null, null);
        order("ann", LocalDate.of(2025, 1, 10), shoes, "COMPLETED");
        order("ann", LocalDate.of(2025, 6, 1), books, "COMPLETED");
        order("bob", LocalDate.of(2024, 3, 1), shoes, "COMPLETED");
        order("cid", LocalDate.of(2025, 5, 1), shoes, "COMPLETED");
        order("cid", LocalDate.of(2025, 7, 1), books, "CANCELLED");
        order("dora", LocalDate.of(2025, 2, 1), shoes, "COMPLETED");
        order("eve", LocalDate.of(2025, 3, 1), shoes, "COMPLETED");
        jdbc.sql("INSERT INTO rtn_rfm_run (computed_at, customers) VALUES (?, 5)")
                .param(UtcTime.toColumn(Instant.parse("2025-08-02T00:00:00Z"))).update();
        long run = jdbc.sql("SELECT MAX(run_id) FROM rtn_rfm_run").query(Long.class).single();
        score(run, "ann", RfmSegment.CHAMPIONS);
        score(run, "bob", RfmSegment.AT_RISK);
        score(run, "cid", RfmSegment.CHAMPIONS);
        score(run, "dora", RfmSegment.CHAMPIONS);
        score(run, "eve", RfmSegment.LOYAL);
        prediction("ann", "500", ChurnRiskLabel.LOW);
        prediction("bob", "40", ChurnRiskLabel.HIGH);
        prediction("cid", "300", ChurnRiskLabel.MEDIUM);
        prediction("dora", "900", ChurnRiskLabel.LOW);
        prediction("eve", "200", ChurnRiskLabel.LOW);
        // loyalty: ann and dora gold, bob silver, cid and eve not members
        tier("ann", prefix + "gold");
        tier("dora", prefix + "gold");
        tier("bob", prefix + "silver");
    }

    private SegmentFilter bought(String category) {
        return new SegmentFilter(null, null, null, null, null, null, List.of(category), null, null);
    }

    private long count(SegmentFilter filter) {
        return segments.count(filter);
    }

    @Test
    void categoriesBoughtCountOnlyCountedOrdersAndNeverErasedCustomers() {
        // shoes: ann, bob, cid, eve (dora is erased); books: ann only (cid's books order was cancelled)
        assertThat(count(bought(shoes))).isEqualTo(4);
        assertThat(count(bought(books))).isEqualTo(1);
        assertThat(count(new SegmentFilter(null, null, null, null, null, null, List.of(shoes, books), null, null)))
                .isEqualTo(4);
    }

    @Test
    void rfmSegmentClvAndChurnRiskComeFromTheLatestRuns() {
        // Champions among shoe buyers: ann, cid (dora erased)
        assertThat(count(new SegmentFilter(List.of(RfmSegment.CHAMPIONS), null, null, null, null, null,
                List.of(shoes), null, null))).isEqualTo(2);
        assertThat(count(new SegmentFilter(List.of(RfmSegment.CHAMPIONS, RfmSegment.LOYAL), null, null, null, null,
                null, List.of(shoes), null, null))).isEqualTo(3);
        // CLV 200..500 inclusive: ann 500, cid 300, eve 200
        assertThat(count(new SegmentFilter(null, new BigDecimal("200"), new BigDecimal("500"), null, null, null,
                List.of(shoes), null, null))).isEqualTo(3);
        // CLV >= 250 and LOW risk: ann
        assertThat(count(new SegmentFilter(null, new BigDecimal("250"), null, List.of(ChurnRiskLabel.LOW), null,
                null, List.of(shoes), null, null))).isEqualTo(1);
        assertThat(count(new SegmentFilter(null, null, null, List.of(ChurnRiskLabel.HIGH, ChurnRiskLabel.MEDIUM),
                null, null, List.of(shoes), null, null))).isEqualTo(2);
    }

    @Test
    void lastOrderUsesTheLastCountedOrderDay() {
        // last counted orders: ann 2025-06-01, bob 2024-03-01, cid 2025-05-01 (the July one was cancelled), eve 03-01
        assertThat(count(new SegmentFilter(null, null, null, null, LocalDate.of(2025, 5, 1), null, List.of(shoes),
                null, null))).as("before 2025-05-01: bob, eve").isEqualTo(2);
        assertThat(count(new SegmentFilter(null, null, null, null, null, LocalDate.of(2025, 5, 1), List.of(shoes),
                null, null))).as("on or after 2025-05-01: ann, cid").isEqualTo(2);
        assertThat(count(new SegmentFilter(null, null, null, null, LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 3, 1), List.of(shoes), null, null))).as("eve, cid").isEqualTo(2);
    }

    @Test
    void localeMatchesSubLocalesAndConsentFilters() {
        // "de" matches de and de-AT: ann, bob, eve; "en-GB" only cid
        assertThat(count(new SegmentFilter(null, null, null, null, null, null, List.of(shoes), List.of("de"), null)))
                .isEqualTo(3);
        assertThat(count(new SegmentFilter(null, null, null, null, null, null, List.of(shoes), List.of("EN-gb"),
                null))).isEqualTo(1);
        assertThat(count(new SegmentFilter(null, null, null, null, null, null, List.of(shoes), null, false)))
                .isEqualTo(1);
        assertThat(count(new SegmentFilter(null, null, null, null, null, null, List.of(shoes), List.of("de"), true)))
                .isEqualTo(3);
    }

    @Test
    void loyaltyTierIsTheCurrentTierOfTheAccount() {
        // gold: ann (dora is erased); gold or silver: ann, bob
        assertThat(count(new SegmentFilter(null, null, null, null, null, null, List.of(shoes), null, null,
                List.of(prefix + "gold")))).isEqualTo(1);
        assertThat(count(new SegmentFilter(null, null, null, null, null, null, List.of(shoes), null, null,
                List.of(prefix + "gold", prefix + "silver")))).isEqualTo(2);
        assertThatThrownBy(() -> new SegmentFilter(null, null, null, null, null, null, null, null, null,
                List.of(" "))).isInstanceOfSatisfying(Problems.FieldException.class,
                        e -> assertThat(e.field()).isEqualTo("tiers[0]"));
    }

    @Test
    void savedSegmentsListPagedMembersAndSurviveARoundTrip() {
        SegmentFilter filter = new SegmentFilter(List.of(RfmSegment.CHAMPIONS, RfmSegment.LOYAL),
                new BigDecimal("100.5"), new BigDecimal("1000"), List.of(ChurnRiskLabel.LOW, ChurnRiskLabel.MEDIUM),
                LocalDate.of(2026, 1, 1), LocalDate.of(2024, 1, 1), List.of(shoes, books), List.of("de", "en-GB"),
                null, List.of());
        Segments.Segment saved = segments.create(" Best " + prefix, filter, "alice");

        assertThat(saved.name()).isEqualTo("Best " + prefix);
        assertThat(saved.createdBy()).isEqualTo("alice");
        assertThat(saved.filter()).isEqualTo(filter);
        assertThat(segments.get(saved.id())).contains(saved);
        assertThat(segments.list()).contains(saved);

        // ann (Champions, 500, LOW), cid (Champions, 300, MEDIUM), eve (Loyal, 200, LOW)
        Segments.MemberPage first = segments.members(saved.id(), 0, 2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.members()).extracting(Segments.Member::customerId).containsExactly(id("ann"), id("cid"));
        assertThat(segments.members(saved.id(), 1, 2).members()).extracting(Segments.Member::customerId)
                .containsExactly(id("eve"));

        SegmentFilter gold = new SegmentFilter(null, null, null, null, null, null, List.of(shoes), null, true,
                List.of(prefix + "gold", prefix + "silver"));
        Segments.Segment members = segments.create("members", gold, "alice");
        assertThat(segments.get(members.id()).orElseThrow().filter()).isEqualTo(gold);
        assertThat(segments.members(members.id(), 0, 10).total()).isEqualTo(2);
        segments.delete(members.id());

        assertThat(segments.delete(saved.id())).isTrue();
        assertThat(segments.get(saved.id())).isEmpty();
        assertThat(segments.delete(saved.id())).isFalse();
    }

    @Test
    void audienceHasOnlyConsentingNotErasedCustomersWithAnEmail() {
        Segments.Segment saved = segments.create("shoes", bought(shoes), "alice");
        List<Segments.AudienceMember> audience = new ArrayList<>();

        long sent = segments.audience(saved.id(), audience::add);

        // ann and bob; cid has no consent, dora is erased, eve has no e-mail
        assertThat(sent).isEqualTo(2);
        assertThat(audience).extracting(Segments.AudienceMember::customerId).containsExactly(id("ann"), id("bob"));
        // sha256("ann.example@mail.test"): the address trimmed and lower-cased before hashing
        assertThat(audience.get(0).hashedEmail())
                .isEqualTo("b4b6e18290b6ff49d5a1aa432e839e70f7910375dbf27af8b9c7e7c7c326c948");
        assertThat(Segments.hashEmail("bob@example.com"))
                .isEqualTo("5ff860bf1190596c7188ab851db691f0f3169c453936e9e1eba2f9a47f7a0018");
        assertThat(Segments.hashEmail("  BOB@Example.com\t")).isEqualTo(Segments.hashEmail("bob@example.com"));
    }

    @Test
    void sizeJobStoresOneSizePerSegmentAndDay() {
        Segments.Segment saved = segments.create("shoes", bought(shoes), "alice");
        clock.set(Instant.parse("2025-09-01T10:00:00Z"));
        jobs.runBlocking("analytics.segment-sizes");
        customer("fay", "fr", true, "fay@example.com", null);
        order("fay", LocalDate.of(2025, 8, 1), shoes, "COMPLETED");
        clock.set(Instant.parse("2025-09-01T18:00:00Z"));
        jobs.runBlocking("analytics.segment-sizes");
        clock.set(Instant.parse("2025-09-02T10:00:00Z"));
        jobs.runBlocking("analytics.segment-sizes");

        // the second run on 09-01 replaced the first one's 4 with 5
        assertThat(segments.history(saved.id())).containsExactly(
                new Segments.Size(LocalDate.of(2025, 9, 1), 5), new Segments.Size(LocalDate.of(2025, 9, 2), 5));
        segments.delete(saved.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_segment_size WHERE segment_id = ?").param(saved.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void invalidFiltersNameTheirField() {
        assertThatThrownBy(() -> new SegmentFilter(null, new BigDecimal("10"), new BigDecimal("5"), null, null, null,
                null, null, null)).isInstanceOfSatisfying(Problems.FieldException.class,
                        e -> assertThat(e.field()).isEqualTo("clvMax"));
        assertThatThrownBy(() -> new SegmentFilter(null, null, null, null, null, null, null, List.of("de", "x y"),
                null)).isInstanceOfSatisfying(Problems.FieldException.class,
                        e -> assertThat(e.field()).isEqualTo("locales[1]"));
        assertThatThrownBy(() -> segments.create(" ", SegmentFilter.ALL, "alice"))
                .isInstanceOfSatisfying(Problems.FieldException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> segments.history(-1)).isInstanceOfSatisfying(Problems.FieldException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    private String id(String name) {
        return prefix + name;
    }

    private void customer(String name, String locale, boolean consent, String email, Instant erasedAt) {
        jdbc.sql("INSERT INTO rtn_customer (customer_id, email, locale, time_zone, marketing_consent, updated_at,"
                        + " erased_at) VALUES (?, ?, ?, 'UTC', ?, ?, ?)")
                .params(id(name), email, locale, consent, UtcTime.toColumn(Instant.EPOCH),
                        erasedAt == null ? null : UtcTime.toColumn(erasedAt))
                .update();
    }

    private void order(String customer, LocalDate day, String category, String status) {
        String orderId = prefix + "o" + (++orders);
        BigDecimal amount = new BigDecimal("10");
        jdbc.sql("INSERT INTO rtn_order (order_id, customer_id, placed_at, status, currency, total, base_currency,"
                        + " base_subtotal, base_discounts, base_shipping, base_tax, base_total, base_net, base_refunded)"
                        + " VALUES (?, ?, ?, ?, 'EUR', ?, 'EUR', ?, 0, 0, 0, ?, ?, 0)")
                .params(orderId, id(customer), UtcTime.toColumn(day.atTime(12, 0).toInstant(ZoneOffset.UTC)), status,
                        amount, amount, amount, amount)
                .update();
        jdbc.sql("INSERT INTO rtn_order_line (order_id, line_no, product_id, category, quantity, unit_price,"
                        + " line_discount) VALUES (?, 1, ?, ?, 1, 10, 0)")
                .params(orderId, prefix + "p", category).update();
    }

    private void score(long run, String customer, RfmSegment segment) {
        jdbc.sql("INSERT INTO rtn_rfm_score (run_id, customer_id, last_order_at, orders, revenue, r_score, f_score,"
                        + " m_score, segment) VALUES (?, ?, ?, 1, 10, 3, 3, 3, ?)")
                .params(run, id(customer), UtcTime.toColumn(Instant.EPOCH), segment.name()).update();
    }

    private void tier(String customer, String tier) {
        jdbc.sql("INSERT INTO rtn_loyalty_account (customer_id, tier, tier_since, created_at, last_activity_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(id(customer), tier, UtcTime.toColumn(Instant.EPOCH), UtcTime.toColumn(Instant.EPOCH),
                        UtcTime.toColumn(Instant.EPOCH))
                .update();
    }

    private void prediction(String customer, String clv, ChurnRiskLabel label) {
        jdbc.sql("INSERT INTO rtn_customer_prediction (customer_id, fit_id, computed_at, frequency, recency, age,"
                        + " revenue, p_alive, churn_risk, risk_label, high_value, expected_purchases, clv)"
                        + " VALUES (?, 0, ?, 1, 1, 1, 10, 0.5, 0.5, ?, FALSE, 1, ?)")
                .params(id(customer), UtcTime.toColumn(Instant.EPOCH), label.name(), new BigDecimal(clv)).update();
    }
}
