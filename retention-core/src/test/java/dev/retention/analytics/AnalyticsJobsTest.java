package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.ingest.JobRun;
import dev.retention.ingest.RetentionJobs;
import dev.retention.privacy.PersonalDataHandler;
import dev.retention.support.Problems;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The RFM and prediction jobs on a real schema: what they store per customer, history, and erasure. */
@Tag("db")
@SpringBootTest(classes = CoreTestApplication.class, properties = "retention.inbox.worker=false")
class AnalyticsJobsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "analytics-jobs");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RetentionJobs jobs;
    @Autowired
    RfmScores rfm;
    @Autowired
    CustomerPredictions predictions;
    @Autowired
    ReportingSettings settings;
    @Autowired
    List<PersonalDataHandler> handlers;
    @Autowired
    MutableClock clock;

    Shop shop;

    @BeforeEach
    void history() {
        shop = new Shop(jdbc, TestDatabase.uniquePrefix());
        // "loyal" buys every 2 weeks up to the end; "gone" bought 6 times early in 2024 and never again;
        // 40 one-time buyers spread over the two years give the model a population.
        shop.customer("loyal", "web", null).customer("gone", "web", null);
        LocalDate start = LocalDate.of(2024, 1, 3);
        for (int i = 0; i < 52; i++) {
            shop.order("loyal", start.plusWeeks(2L * i), "80", "books", "web", null);
        }
        for (int i = 0; i < 6; i++) {
            shop.order("gone", start.plusWeeks(i), "300", "music", "web", null);
        }
        for (int i = 0; i < 40; i++) {
            shop.customer("once" + i, "web", null);
            shop.order("once" + i, start.plusDays(17L * i), Integer.toString(20 + i), "books", "web", null);
            if (i % 3 == 0) {
                shop.order("once" + i, start.plusDays(17L * i + 40), "30", "books", "web", null);
            }
        }
        clock.set(Instant.parse("2026-01-01T10:00:00Z"));
    }

    @AfterEach
    void resetSettings() {
        settings.reset();
    }

    @Test
    void rfmJobScoresEveryCustomerAndKeepsHistoryAcrossRuns() {
        JobRun first = jobs.runBlocking("analytics.rfm").orElseThrow();
        clock.set(Instant.parse("2026-01-02T10:00:00Z"));
        JobRun second = jobs.runBlocking("analytics.rfm").orElseThrow();

        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(second.status()).isEqualTo("SUCCEEDED");
        List<RfmScores.CustomerScore> loyal = rfm.history(shop.id("loyal"));
        assertThat(loyal).hasSize(2);
        RfmScores.CustomerScore latest = loyal.get(0);
        assertThat(latest.orders()).isEqualTo(52);
        assertThat(latest.revenue()).isEqualByComparingTo("4160");
        assertThat(latest.segment()).isEqualTo(RfmSegmentGrid.segment(latest.recency(), latest.frequency(),
                latest.monetary()));
        // The most frequent, most recent and among the biggest spenders of the population.
        assertThat(latest.frequency()).isEqualTo(5);
        assertThat(rfm.history(shop.id("gone")).get(0).recency()).isLessThan(latest.recency());
        assertThat(rfm.segments()).isNotEmpty();
        assertThat(rfm.moves()).isNotEmpty()
                .allSatisfy(move -> assertThat(move.customers()).isPositive());
    }

    @Test
    void predictionJobStoresChurnRiskClvAndNextOrderDate() {
        JobRun run = jobs.runBlocking("analytics.predictions").orElseThrow();

        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        CustomerPredictions.Prediction loyal = predictions.of(shop.id("loyal")).orElseThrow();
        CustomerPredictions.Prediction gone = predictions.of(shop.id("gone")).orElseThrow();
        // 51 repeat purchases, the last one 2 weeks before the end: almost surely alive, buying every 2 weeks.
        assertThat(loyal.frequency()).isEqualTo(51);
        assertThat(loyal.probabilityAlive()).isGreaterThan(0.9);
        assertThat(loyal.label()).isEqualTo(ChurnRiskLabel.LOW);
        assertThat(loyal.expectedPurchases()).isBetween(3.0, 8.0);
        assertThat(loyal.nextOrderOn()).isBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        // 5 weekly repeats then silence for 100 weeks: almost surely gone, and a high-value customer at risk.
        assertThat(gone.churnRisk()).isGreaterThan(0.7);
        assertThat(gone.label()).isEqualTo(ChurnRiskLabel.HIGH);
        assertThat(gone.churnRisk()).isEqualTo(1 - gone.probabilityAlive());
        assertThat(gone.highValue()).isTrue();
        assertThat(predictions.highValueAtRisk(1000)).extracting(CustomerPredictions.Prediction::customerId)
                .contains(shop.id("gone")).doesNotContain(shop.id("loyal"));
        assertThat(predictions.highValueAtRisk(1000))
                .allSatisfy(p -> assertThat(p.label()).isEqualTo(ChurnRiskLabel.HIGH));
        if (loyal.clv() != null) {
            assertThat(loyal.clv()).isGreaterThan(gone.clv() == null ? BigDecimal.ZERO : gone.clv());
        }
        assertThat(predictions.latestFit()).isPresent();
        assertThat(predictions.riskBands()).hasSize(3);
    }

    @Test
    void privacyHandlerExportsAndErasesScoresAndPredictions() {
        jobs.runBlocking("analytics.rfm");
        jobs.runBlocking("analytics.predictions");
        PersonalDataHandler handler = handlers.stream().filter(h -> h.section().equals("analytics")).findFirst()
                .orElseThrow();

        Map<String, Object> export = handler.export(shop.id("loyal"));
        handler.erase(shop.id("loyal"), clock.instant());

        assertThat((List<?>) export.get("rfmHistory")).isNotEmpty();
        assertThat(export).containsKey("prediction");
        assertThat(rfm.history(shop.id("loyal"))).isEmpty();
        assertThat(predictions.of(shop.id("loyal"))).isEmpty();
        assertThat(predictions.of(shop.id("gone"))).isPresent();
    }

    @Test
    void reportingOptionsAreValidatedFieldByField() {
        assertThatThrownBy(() -> new ReportingSettings.Options("Mars/Olympus", 365, 10, BigDecimal.TEN))
                .isInstanceOfSatisfying(Problems.FieldException.class, e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> new ReportingSettings.Options("UTC", 0, 10, BigDecimal.TEN))
                .isInstanceOfSatisfying(Problems.FieldException.class,
                        e -> assertThat(e.field()).isEqualTo("activeWindowDays"));
        assertThatThrownBy(() -> new ReportingSettings.Options("UTC", 365, 10, new BigDecimal("101")))
                .isInstanceOfSatisfying(Problems.FieldException.class,
                        e -> assertThat(e.field()).isEqualTo("grossMarginPercent"));

        ReportingSettings.Options changed = settings.update(new ReportingSettings.Options("Europe/Bucharest", 180, 5,
                new BigDecimal("40")));

        assertThat(changed.zone()).isEqualTo("Europe/Bucharest");
        assertThat(changed.activeWindowDays()).isEqualTo(180);
        assertThat(settings.reset()).isEqualTo(settings.defaults());
    }
}
