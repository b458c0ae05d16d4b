package dev.retention.autoconfigure;

import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.ReportingSettings;
import dev.retention.analytics.RetentionReports;
import dev.retention.analytics.RfmScores;
import dev.retention.analytics.Segments;
import dev.retention.analytics.internal.AnalyticsPersonalData;
import dev.retention.analytics.internal.PredictionJob;
import dev.retention.analytics.internal.RfmScoringJob;
import dev.retention.analytics.internal.SegmentSizeJob;
import dev.retention.support.DatabaseVendor;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention analytics: KPI, cohort and driver reports, RFM scoring and the predictive models' job, saved segments and
 * their daily size job.
 */
@AutoConfiguration(after = {RetentionIngestAutoConfiguration.class, RetentionCustomerAutoConfiguration.class})
@ConditionalOnBean(RetentionProperties.class)
@EnableConfigurationProperties(RetentionReportingProperties.class)
public class RetentionAnalyticsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReportingSettings retentionReportingSettings(DataSource dataSource, RetentionReportingProperties properties,
            Clock clock) {
        return new ReportingSettings(JdbcClient.create(dataSource), new ReportingSettings.Options(
                properties.zone().getId(), (int) properties.activeWindow().toDays(), properties.maxLifespanYears(),
                properties.grossMarginPercent()), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionReports retentionReports(DataSource dataSource, DatabaseVendor vendor, ReportingSettings settings,
            Clock clock) {
        return new RetentionReports(JdbcClient.create(dataSource), vendor, settings, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    RfmScores retentionRfmScores(DataSource dataSource, TransactionTemplate tx, Clock clock) {
        return new RfmScores(new JdbcTemplate(dataSource), tx, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    CustomerPredictions retentionCustomerPredictions(DataSource dataSource, TransactionTemplate tx,
            ReportingSettings settings, RetentionReportingProperties properties, Clock clock) {
        return new CustomerPredictions(new JdbcTemplate(dataSource), tx, settings,
                new CustomerPredictions.Settings(properties.predictionDays(), properties.clvHorizonMonths(),
                        properties.monthlyDiscountRate(), properties.highValueShare()), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    RfmScoringJob retentionRfmScoringJob(RfmScores scores, RetentionReportingProperties properties) {
        return new RfmScoringJob(scores, properties.scoringInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    PredictionJob retentionPredictionJob(CustomerPredictions predictions, RetentionReportingProperties properties) {
        return new PredictionJob(predictions, properties.scoringInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    AnalyticsPersonalData retentionAnalyticsPersonalData(RfmScores scores, CustomerPredictions predictions) {
        return new AnalyticsPersonalData(scores, predictions);
    }

    @Bean
    @ConditionalOnMissingBean
    Segments retentionSegments(DataSource dataSource, DatabaseVendor vendor, TransactionTemplate tx,
            ReportingSettings settings, Clock clock) {
        return new Segments(new JdbcTemplate(dataSource), vendor, tx, settings, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    SegmentSizeJob retentionSegmentSizeJob(Segments segments, RetentionReportingProperties properties) {
        return new SegmentSizeJob(segments, properties.segmentSizeInterval());
    }
}
