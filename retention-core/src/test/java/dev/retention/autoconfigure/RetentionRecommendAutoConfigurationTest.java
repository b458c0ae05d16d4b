package dev.retention.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.host.CatalogPort;
import dev.retention.ingest.RetentionJobs;
import dev.retention.recommend.RecommendationFeedback;
import dev.retention.recommend.Recommendations;
import dev.retention.recommend.Similarity;
import dev.retention.recommend.internal.IndexTrainer;
import dev.retention.recommend.internal.RecommendationEngine;
import dev.retention.recommend.internal.TrainingSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RetentionRecommendAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, RetentionIngestAutoConfiguration.class,
                    RetentionPrivacyAutoConfiguration.class, RetentionRecommendAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:reco-autoconfig-" + java.util.UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "retention.inbox.worker=false");

    @Test
    void withACatalogueTheServingApiAndBothJobsAreWired() {
        runner.withBean(CatalogPort.class, () -> id -> Optional.empty()).run(context -> {
            assertThat(context).hasSingleBean(Recommendations.class).hasSingleBean(RecommendationEngine.class)
                    .hasSingleBean(RecommendationFeedback.class)
                    .hasSingleBean(dev.retention.recommend.internal.IndexRefresher.class);
            assertThat(context.getBean(RetentionJobs.class).statuses()).extracting(RetentionJobs.JobStatus::name)
                    .contains("recommend-train", "recommend-fold-in");
            assertThat(context.getBean(IndexTrainer.class).settings().similarity())
                    .isEqualTo(Similarity.LOG_LIKELIHOOD);
        });
    }

    @Test
    void withoutACatalogueThereIsNoServingApiButTrainingStillRuns() {
        runner.run(context -> assertThat(context).doesNotHaveBean(Recommendations.class)
                .hasSingleBean(RecommendationEngine.class));
    }

    @Test
    void similarityIsChosenByConfiguration() {
        runner.withPropertyValues("retention.recommend.similarity=cosine", "retention.recommend.neighbours=7")
                .run(context -> {
                    TrainingSettings settings = context.getBean(IndexTrainer.class).settings();
                    assertThat(settings.similarity()).isEqualTo(Similarity.COSINE);
                    assertThat(settings.neighbours()).isEqualTo(7);
                });
    }

    @Test
    void switchedOffItBacksAwayEntirely() {
        runner.withPropertyValues("retention.recommend.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RecommendationEngine.class));
    }

    @Test
    void theHostsTrainerReplacesOurs() {
        IndexTrainer own = new IndexTrainer(TrainingSettings.defaults(Similarity.COSINE));
        runner.withBean(IndexTrainer.class, () -> own)
                .run(context -> assertThat(context.getBean(IndexTrainer.class)).isSameAs(own));
    }
}
