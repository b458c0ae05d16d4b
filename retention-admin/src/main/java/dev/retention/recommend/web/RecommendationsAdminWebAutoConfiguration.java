package dev.retention.recommend.web;

import dev.retention.admin.RetentionAdminAutoConfiguration;
import dev.retention.autoconfigure.RetentionRecommendAutoConfiguration;
import dev.retention.recommend.RecommendationFeedback;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the admin recommendation report next to the rest of the admin API. */
@AutoConfiguration(after = {RetentionRecommendAutoConfiguration.class, RetentionAdminAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(RecommendationFeedback.class)
public class RecommendationsAdminWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RecommendationAdminController retentionRecommendationAdminController(RecommendationFeedback feedback,
            Clock clock) {
        return new RecommendationAdminController(feedback, clock);
    }
}
