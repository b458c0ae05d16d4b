package dev.retention.autoconfigure;

import dev.retention.host.CatalogPort;
import dev.retention.ingest.RetentionJob;
import dev.retention.recommend.RecommendationFeedback;
import dev.retention.recommend.Recommendations;
import dev.retention.recommend.internal.CustomerPurchases;
import dev.retention.recommend.internal.IndexRefresher;
import dev.retention.recommend.internal.IndexStore;
import dev.retention.recommend.internal.IndexTrainer;
import dev.retention.recommend.internal.PendingOrders;
import dev.retention.recommend.internal.RecommendJobs;
import dev.retention.recommend.internal.RecommendPersonalData;
import dev.retention.recommend.internal.RecommendationEngine;
import dev.retention.recommend.internal.SignalRecorder;
import dev.retention.recommend.internal.TrainingData;
import dev.retention.recommend.internal.TrainingSettings;
import dev.retention.support.DatabaseVendor;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recommendations: the trained index and its jobs, the signal recorder, the serving API (needs the host's
 * {@link CatalogPort}) and the impression/click feedback.
 */
@AutoConfiguration(after = RetentionIngestAutoConfiguration.class)
@ConditionalOnBean(RetentionProperties.class)
@ConditionalOnBooleanProperty(name = "retention.recommend.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionRecommendProperties.class)
public class RetentionRecommendAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IndexTrainer retentionRecommendTrainer(RetentionRecommendProperties properties) {
        RetentionRecommendProperties.Together together = properties.together();
        return new IndexTrainer(new TrainingSettings(properties.similarity(), properties.neighbours(),
                together.minSupport(), together.minConfidence(), together.minLift(), properties.trendingHalfLife(),
                properties.maxItemsPerCustomer(), 200));
    }

    @Bean(initMethod = "loadPersisted")
    @ConditionalOnMissingBean
    RecommendationEngine retentionRecommendationEngine(IndexTrainer trainer, DataSource dataSource,
            TransactionTemplate tx, Clock clock, RetentionRecommendProperties properties) {
        return new RecommendationEngine(trainer,
                new TrainingData(new JdbcTemplate(dataSource), properties.viewWeight(), properties.cartWeight()),
                new IndexStore(JdbcClient.create(dataSource), tx), clock, properties.signalRetention());
    }

    @Bean
    @ConditionalOnMissingBean(name = "retentionRecommendTrainingJob")
    RetentionJob retentionRecommendTrainingJob(RecommendationEngine engine, RetentionRecommendProperties properties) {
        return RecommendJobs.training(engine, properties.trainingInterval());
    }

    @Bean
    @ConditionalOnMissingBean(name = "retentionRecommendFoldInJob")
    RetentionJob retentionRecommendFoldInJob(RecommendationEngine engine, RetentionRecommendProperties properties) {
        return RecommendJobs.foldIn(engine, properties.foldInInterval());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    IndexRefresher retentionRecommendIndexRefresher(RecommendationEngine engine,
            RetentionRecommendProperties properties) {
        return new IndexRefresher(engine, properties.refreshInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    PendingOrders retentionRecommendPendingOrders(DataSource dataSource, DatabaseVendor vendor) {
        return new PendingOrders(JdbcClient.create(dataSource), vendor);
    }

    @Bean
    @ConditionalOnMissingBean
    SignalRecorder retentionRecommendSignalRecorder(DataSource dataSource, DatabaseVendor vendor) {
        return new SignalRecorder(JdbcClient.create(dataSource), vendor);
    }

    @Bean
    @ConditionalOnMissingBean
    CustomerPurchases retentionRecommendCustomerPurchases(DataSource dataSource) {
        return CustomerPurchases.jdbc(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CatalogPort.class)
    Recommendations retentionRecommendations(RecommendationEngine engine, CatalogPort catalog,
            CustomerPurchases purchases, Clock clock, RetentionRecommendProperties properties) {
        return new Recommendations(engine, catalog, purchases, clock, properties.recencyHalfLife(),
                properties.historySize(), properties.maxCategoryShare());
    }

    @Bean
    @ConditionalOnMissingBean
    RecommendationFeedback retentionRecommendationFeedback(DataSource dataSource) {
        return new RecommendationFeedback(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    RecommendPersonalData retentionRecommendPersonalData(DataSource dataSource) {
        return new RecommendPersonalData(JdbcClient.create(dataSource));
    }
}
