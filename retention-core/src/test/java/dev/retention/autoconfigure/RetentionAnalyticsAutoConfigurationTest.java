package dev.retention.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.ReportingSettings;
import dev.retention.analytics.RetentionReports;
import dev.retention.analytics.RfmScores;
import dev.retention.ingest.RetentionJobs;
import dev.retention.privacy.PrivacyService;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RetentionAnalyticsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, RetentionIngestAutoConfiguration.class,
                    RetentionCustomerAutoConfiguration.class, RetentionPrivacyAutoConfiguration.class,
                    RetentionAnalyticsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:analytics-autoconfig-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "retention.inbox.worker=false");

    @Test
    void reportsJobsAndPrivacySectionAreWired() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RetentionReports.class).hasSingleBean(RfmScores.class)
                    .hasSingleBean(CustomerPredictions.class).hasSingleBean(ReportingSettings.class);
            assertThat(context.getBean(RetentionJobs.class).statuses())
                    .extracting(RetentionJobs.JobStatus::name)
                    .contains("analytics.rfm", "analytics.predictions", "analytics.segment-sizes");
            assertThat(context.getBean(PrivacyService.class).sections()).contains("analytics");
            ReportingSettings.Options defaults = context.getBean(ReportingSettings.class).options();
            assertThat(defaults.zone()).isEqualTo("UTC");
            assertThat(defaults.activeWindowDays()).isEqualTo(365);
        });
    }

    @Test
    void jobsSucceedOnAShopWithoutOrders() {
        runner.run(context -> {
            RetentionJobs jobs = context.getBean(RetentionJobs.class);
            assertThat(jobs.runBlocking("analytics.predictions")).hasValueSatisfying(run -> {
                assertThat(run.status()).isEqualTo("SUCCEEDED");
                assertThat(run.items()).isZero();
            });
            assertThat(jobs.runBlocking("analytics.rfm")).hasValueSatisfying(
                    run -> assertThat(run.status()).isEqualTo("SUCCEEDED"));
            assertThat(context.getBean(CustomerPredictions.class).latestFit()).isEmpty();
        });
    }

    @Test
    void reportingPropertiesSetTheDefaults() {
        runner.withPropertyValues("retention.reporting.zone=Europe/Warsaw", "retention.reporting.active-window=90d")
                .run(context -> {
                    ReportingSettings.Options options = context.getBean(ReportingSettings.class).options();
                    assertThat(options.zoneId()).isEqualTo(ZoneId.of("Europe/Warsaw"));
                    assertThat(options.activeWindowDays()).isEqualTo(90);
                });
    }

    @Test
    void invalidPropertiesStopTheContextNamingTheProperty() {
        runner.withPropertyValues("retention.reporting.active-window=0d")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("retention.reporting.active-window"));
    }

    @Test
    void hostReportsReplaceOurs() {
        runner.withBean("hostReports", RetentionReports.class, () -> new RetentionReports(null, null, null, null))
                .run(context -> assertThat(context.getBean(RetentionReports.class))
                        .isSameAs(context.getBean("hostReports")));
    }
}
