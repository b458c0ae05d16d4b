package dev.retention.recommend.web;

import dev.retention.autoconfigure.RetentionRecommendAutoConfiguration;
import dev.retention.recommend.RecommendationFeedback;
import dev.retention.recommend.Recommendations;
import dev.retention.storefront.RetentionStorefrontAutoConfiguration;
import dev.retention.storefront.ShopperResolver;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the shopper recommendation endpoints when recommendations are served (the host has a catalogue). */
@AutoConfiguration(after = {RetentionRecommendAutoConfiguration.class, RetentionStorefrontAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({Recommendations.class, RecommendationFeedback.class, ShopperResolver.class})
public class RecommendationsWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RecommendationController retentionRecommendationController(Recommendations recommendations,
            RecommendationFeedback feedback, ShopperResolver shoppers, Clock clock) {
        return new RecommendationController(recommendations, feedback, shoppers, clock);
    }
}
