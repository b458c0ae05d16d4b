package dev.retention.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import dev.retention.admin.AdminTestApplication;
import dev.retention.analytics.ReportingSettings;
import dev.retention.ingest.RetentionJobs;
import dev.retention.support.UtcTime;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
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

@Tag("db")
@SpringBootTest(classes = AdminTestApplication.class, properties = "retention.inbox.worker=false")
@AutoConfigureMockMvc
class AnalyticsApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "admin-analytics");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportingSettings settings;
    @Autowired
    RetentionJobs jobs;
    @Autowired
    MutableClock clock;

    int year;
    String channel;

    @BeforeEach
    void shop() {
        // A far-future year with no orders around it, so unfiltered figures see only this shop even on a shared
        // database that earlier runs filled.
        do {
            year = ThreadLocalRandom.current().nextInt(3000, 9000);
        } while (jdbc.sql("SELECT COUNT(*) FROM rtn_order WHERE placed_at >= ? AND placed_at < ?")
                .params(LocalDateTime.of(year - 3, 1, 1, 0, 0), LocalDateTime.of(year + 3, 1, 1, 0, 0))
                .query(Long.class).single() > 0);
        String prefix = TestDatabase.uniquePrefix();
        channel = prefix + "ads";
        // Two customers of our own channel: "a" orders twice in March (100 + 50), "b" once in April (30).
        customer(prefix + "a");
        customer(prefix + "b");
        order(prefix + "o1", prefix + "a", LocalDate.of(year, 3, 2), "100");
        order(prefix + "o2", prefix + "a", LocalDate.of(year, 3, 20), "50");
        order(prefix + "o3", prefix + "b", LocalDate.of(year, 4, 5), "30");
    }

    @AfterEach
    void resetSettings() {
        settings.reset();
    }

    private void customer(String id) {
        jdbc.sql("INSERT INTO rtn_customer (customer_id, email, locale, time_zone, marketing_consent,"
                        + " acquisition_channel, updated_at) VALUES (?, ?, 'en', 'UTC', TRUE, ?, ?)")
                .params(id, id + "@example.com", channel, UtcTime.toColumn(Instant.EPOCH)).update();
    }

    private void order(String orderId, String customerId, LocalDate day, String net) {
        jdbc.sql("INSERT INTO rtn_order (order_id, customer_id, placed_at, status, currency, total, base_currency,"
                        + " base_subtotal, base_discounts, base_shipping, base_tax, base_total, base_net, base_refunded)"
                        + " VALUES (?, ?, ?, 'COMPLETED', 'EUR', ?, 'EUR', ?, 0, 0, 0, ?, ?, 0)")
                .params(orderId, customerId, UtcTime.toColumn(day.atTime(12, 0).toInstant(ZoneOffset.UTC)),
                        new java.math.BigDecimal(net), new java.math.BigDecimal(net), new java.math.BigDecimal(net),
                        new java.math.BigDecimal(net))
                .update();
    }

    private String range() {
        return "from=" + year + "-03-01&to=" + year + "-05-01&channel=" + channel;
    }

    @Test
    void kpisComeAsJsonWithThePreviousPeriod() {
        // 3 orders of 2 customers, revenue 180 -> AOV 60; a has 2 orders -> repeat rate in P 1/2
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?" + range()).with(httpBasic("admin", "admin")))
                .hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.current.orders", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.current.averageOrderValue", v -> v.assertThat().isEqualTo(60.0))
                .hasPathSatisfying("$.current.repeatRateInPeriod", v -> v.assertThat().isEqualTo(0.5))
                .hasPathSatisfying("$.previous.orders", v -> v.assertThat().isEqualTo(0))
                .hasPathSatisfying("$.previousPeriod.to", v -> v.assertThat().isEqualTo(year + "-03-01"));
    }

    @Test
    void everyTableComesAsCsvByAcceptHeaderOrFormatParameter() {
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?" + range()).accept(new MediaType("text", "csv"))
                .with(httpBasic("admin", "admin")))
                .hasStatusOk()
                .hasContentTypeCompatibleWith("text/csv")
                .bodyText().startsWith("metric,current,previous\r\n").contains("\r\norders,3,0\r\n");
        assertThat(mvc.get().uri("/admin/retention/api/reports/cohorts?" + range() + "&format=csv")
                .with(httpBasic("admin", "admin")))
                .hasStatusOk()
                .bodyText().startsWith("cohort,cohort_customers,month_offset,customers,retention,revenue\r\n")
                .contains(year + "-03,1,0,1,1.000000,150.0000");
        assertThat(mvc.get().uri("/admin/retention/api/reports/drivers?" + range() + "&format=csv")
                .with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyText().startsWith("dimension,value,customers,repeaters,repeat_rate_12m");
    }

    @Test
    void scoredReportsAnswerAfterTheJobsRan() {
        clock.set(LocalDate.of(year, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        jobs.runBlocking("analytics.rfm");
        jobs.runBlocking("analytics.predictions");

        assertThat(mvc.get().uri("/admin/retention/api/reports/rfm").with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.segments", v -> v.assertThat().asList().isNotEmpty());
        assertThat(mvc.get().uri("/admin/retention/api/reports/churn-risk").with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.bands", v -> v.assertThat().asList().hasSize(3));
        assertThat(mvc.get().uri("/admin/retention/api/reports/clv?format=csv").with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyText().startsWith("customer_id,revenue,p_alive,churn_risk,label");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?from=yesterday&to=" + year + "-05-01")
                .with(httpBasic("admin", "admin")))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("from"));
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?" + range() + "&segment=vips")
                .with(httpBasic("admin", "admin")))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("segment"));
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?from=" + year + "-05-01&to=" + year + "-03-01")
                .with(httpBasic("admin", "admin")))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("to"));
        assertThat(mvc.get().uri("/admin/retention/api/reports/model-check?calibrationEnd=" + year + "-03-31")
                .with(httpBasic("admin", "admin")))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("holdoutEnd"));
    }

    @Test
    void reportsAreForAdminsOnly() {
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?" + range())
                .with(httpBasic("shopper", "shopper"))).hasStatus(403);
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?" + range())).hasStatus(401);
    }

    @Test
    void reportingSettingsAreValidatedAndStored() {
        assertThat(mvc.put().uri("/admin/retention/api/settings/reporting").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"zone\":\"Nowhere/Town\",\"activeWindowDays\":365,\"maxLifespanYears\":10,"
                        + "\"grossMarginPercent\":100}"))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("zone"));
        assertThat(mvc.put().uri("/admin/retention/api/settings/reporting").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"zone\":\"UTC\",\"maxLifespanYears\":10,\"grossMarginPercent\":100}"))
                .hasStatus(400).bodyJson()
                .hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("activeWindowDays"));

        assertThat(mvc.put().uri("/admin/retention/api/settings/reporting").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"zone\":\"Europe/Warsaw\",\"activeWindowDays\":180,\"maxLifespanYears\":5,"
                        + "\"grossMarginPercent\":35}"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/admin/retention/api/settings/reporting").with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.zone", v -> v.assertThat().isEqualTo("Europe/Warsaw"))
                .hasPathSatisfying("$.activeWindowDays", v -> v.assertThat().isEqualTo(180));
    }

    @Test
    void marketingSpendIsEnteredPerMonth() {
        assertThat(mvc.put().uri("/admin/retention/api/settings/spend").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content("[{\"month\":\"March\",\"amount\":10}]"))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("[0].month"));
        assertThat(mvc.put().uri("/admin/retention/api/settings/spend").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content("[{\"month\":\"" + year + "-03\",\"amount\":-1}]"))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.field", v -> v.assertThat().isEqualTo("[0].amount"));

        assertThat(mvc.put().uri("/admin/retention/api/settings/spend").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"month\":\"" + year + "-03\",\"amount\":310},{\"month\":\"" + year
                        + "-04\",\"amount\":300}]"))
                .hasStatusOk();
        // Unfiltered KPIs (nothing else lives in year Y): spend 610, 2 new customers -> CAC 305
        assertThat(mvc.get().uri("/admin/retention/api/reports/kpis?from=" + year + "-03-01&to=" + year + "-05-01")
                .with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.current.marketingSpend", v -> v.assertThat().isEqualTo(610.0))
                .hasPathSatisfying("$.current.customerAcquisitionCost",
                        v -> v.assertThat().isEqualTo(305.0));
    }
}
