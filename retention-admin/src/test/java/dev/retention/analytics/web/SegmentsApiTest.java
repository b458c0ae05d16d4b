package dev.retention.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import dev.retention.admin.AdminTestApplication;
import dev.retention.analytics.SegmentFilter;
import dev.retention.analytics.Segments;
import dev.retention.ingest.RetentionJobs;
import dev.retention.support.UtcTime;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@Tag("db")
@SpringBootTest(classes = AdminTestApplication.class, properties = "retention.inbox.worker=false")
@AutoConfigureMockMvc
class SegmentsApiTest {

    private static final String API = "/admin/retention/api/segments";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "admin-segments");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Segments segments;
    @Autowired
    RetentionJobs jobs;
    @Autowired
    MutableClock clock;

    String prefix;
    String category;

    @BeforeEach
    void customers() {
        prefix = TestDatabase.uniquePrefix();
        category = prefix + "garden";
        // a: consent, de; b: no consent, de; c: consent, fr. All bought in our own category.
        customer("a", true, "de", " A@Example.COM");
        customer("b", false, "de", "b@example.com");
        customer("c", true, "fr", "c@example.com");
    }

    private String body(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"categories\":[\"" + category + "\"]" + extra + "}";
    }

    private long create(String json) throws Exception {
        MvcTestResult result = mvc.post().uri(API).with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(result).hasStatus(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(result.getResponse().getContentAsString());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    @Test
    void segmentsAreCreatedListedCountedAndDeleted() throws Exception {
        long id = create(body("German speakers", ",\"locales\":[\"de\"],\"rfmSegments\":[],\"clvMin\":null"));

        assertThat(mvc.get().uri(API + "/" + id).with(httpBasic("admin", "admin"))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.name", v -> v.assertThat().isEqualTo("German speakers"))
                .hasPathSatisfying("$.filter.locales", v -> v.assertThat().asList().containsExactly("de"))
                .hasPathSatisfying("$.createdBy", v -> v.assertThat().isEqualTo("admin"));
        assertThat(mvc.get().uri(API).with(httpBasic("admin", "admin"))).hasStatusOk().bodyText()
                .contains("\"id\":" + id + ",");
        // a and b speak German; with consent only a
        assertThat(mvc.post().uri(API + "/count").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body("", ",\"locales\":[\"de\"]")))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.customers", v -> v.assertThat().isEqualTo(2));
        assertThat(mvc.post().uri(API + "/count").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("", ",\"locales\":[\"de\"],\"marketingConsent\":true")))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.customers", v -> v.assertThat().isEqualTo(1));
        assertThat(mvc.get().uri(API + "/" + id + "/members?size=1&page=1").with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.members[0].customerId", v -> v.assertThat().isEqualTo(prefix + "b"));

        assertThat(mvc.delete().uri(API + "/" + id).with(httpBasic("admin", "admin"))).hasStatus(204);
        assertThat(mvc.get().uri(API + "/" + id).with(httpBasic("admin", "admin"))).hasStatus(404);
        assertThat(audit(id, "delete")).isEqualTo(1);
    }

    @Test
    void invalidSegmentsAnswerProblemDetailsNamingTheField() {
        assertInvalid(body("", ""), "name");
        assertInvalid(body("x", ",\"rfmSegments\":[\"CHAMPIONS\",\"KINGS\"]"), "rfmSegments[1]");
        assertInvalid(body("x", ",\"churnRisk\":[\"SEVERE\"]"), "churnRisk[0]");
        assertInvalid(body("x", ",\"clvMin\":50,\"clvMax\":10"), "clvMax");
        assertInvalid(body("x", ",\"clvMin\":-1"), "clvMin");
        assertInvalid(body("x", ",\"lastOrderAfter\":\"last week\""), "lastOrderAfter");
        assertInvalid(body("x", ",\"locales\":[\"de DE\"]"), "locales[0]");
        assertInvalid("{\"name\":\"x\",\"categories\":[\"a\",null]}", "categories[1]");
        assertInvalid(body("x", ",\"tiers\":[\"\"]"), "tiers[0]");
        assertThat(mvc.get().uri(API + "/1/members?size=0").with(httpBasic("admin", "admin")))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("size"));
    }

    private void assertInvalid(String json, String field) {
        assertThat(mvc.post().uri(API).with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo(field));
    }

    @Test
    void audienceExportHasOnlyConsentingCustomersAndIsAudited() {
        long id = segments.create("garden", new SegmentFilter(null, null, null, null, null, null, List.of(category),
                null, null), "someone").id();

        assertThat(mvc.get().uri(API + "/" + id + "/audience.csv").with(httpBasic("admin", "admin")))
                .hasStatusOk().hasContentTypeCompatibleWith("text/csv").bodyText()
                .isEqualTo("customer_id,email\r\n" + prefix + "a, A@Example.COM\r\n" + prefix + "c,c@example.com\r\n");
        // sha256("a@example.com") and sha256("c@example.com"): trimmed and lower-cased first
        assertThat(mvc.get().uri(API + "/" + id + "/audience.csv?hashed=true").with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyText().isEqualTo("email_sha256\r\n"
                        + "08168cd80dfd534ab0f10af10f1303fe00af2d43ab5c1432360d137f8197e17a\r\n"
                        + "50b313b4b64bd2a2ab9305ad1965147e85239555815da6857bf532010c74b0d6\r\n");
        assertThat(jdbc.sql("SELECT actor, after_value FROM rtn_audit WHERE entity = 'segment' AND entity_id = ?"
                        + " AND action = 'export-audience' ORDER BY id")
                .param(Long.toString(id)).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("admin segment=garden hashed=false customers=2",
                        "admin segment=garden hashed=true customers=2");
    }

    @Test
    void historyListsTheDailySizes() {
        long id = segments.create("garden", new SegmentFilter(null, null, null, null, null, null, List.of(category),
                null, null), "someone").id();
        clock.set(Instant.parse("2026-03-01T08:00:00Z"));
        jobs.runBlocking("analytics.segment-sizes");

        assertThat(mvc.get().uri(API + "/" + id + "/history").with(httpBasic("admin", "admin"))).hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$[0].day", v -> v.assertThat().isEqualTo("2026-03-01"))
                .hasPathSatisfying("$[0].customers", v -> v.assertThat().isEqualTo(3));
        assertThat(mvc.get().uri(API + "/" + Long.MAX_VALUE + "/history").with(httpBasic("admin", "admin")))
                .hasStatus(404);
    }

    @Test
    void segmentsAreForAdminsOnly() {
        assertThat(mvc.get().uri(API).with(httpBasic("shopper", "shopper"))).hasStatus(403);
        assertThat(mvc.get().uri(API)).hasStatus(401);
        assertThat(mvc.post().uri(API + "/count").with(httpBasic("shopper", "shopper"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(403);
        long id = segments.create("garden", new SegmentFilter(null, null, null, null, null, null, List.of(category),
                null, null), "someone").id();
        assertThat(mvc.get().uri(API + "/" + id + "/audience.csv").with(httpBasic("shopper", "shopper")))
                .hasStatus(403);
        assertThat(mvc.delete().uri(API + "/" + id).with(httpBasic("shopper", "shopper"))).hasStatus(403);
        assertThat(audit(id, "export-audience")).isZero();
        assertThat(segments.get(id)).isPresent();
    }

    private long audit(long id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_audit WHERE entity = 'segment' AND entity_id = ? AND action = ?")
                .params(Long.toString(id), action).query(Long.class).single();
    }

    private void customer(String name, boolean consent, String locale, String email) {
        String id = prefix + name;
        jdbc.sql("INSERT INTO rtn_customer (customer_id, email, locale, time_zone, marketing_consent, updated_at)"
                        + " VALUES (?, ?, ?, 'UTC', ?, ?)")
                .params(id, email, locale, consent, UtcTime.toColumn(Instant.EPOCH)).update();
        String orderId = id + "-o";
        BigDecimal amount = new BigDecimal("20");
        jdbc.sql("INSERT INTO rtn_order (order_id, customer_id, placed_at, status, currency, total, base_currency,"
                        + " base_subtotal, base_discounts, base_shipping, base_tax, base_total, base_net, base_refunded)"
                        + " VALUES (?, ?, ?, 'COMPLETED', 'EUR', ?, 'EUR', ?, 0, 0, 0, ?, ?, 0)")
                .params(orderId, id, UtcTime.toColumn(LocalDate.of(2025, 5, 5).atTime(12, 0)
                        .toInstant(ZoneOffset.UTC)), amount, amount, amount, amount)
                .update();
        jdbc.sql("INSERT INTO rtn_order_line (order_id, line_no, product_id, category, quantity, unit_price,"
                        + " line_discount) VALUES (?, 1, 'p', ?, 1, 20, 0)")
                .params(orderId, category).update();
    }
}
