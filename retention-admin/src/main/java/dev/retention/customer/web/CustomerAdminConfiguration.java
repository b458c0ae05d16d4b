package dev.retention.customer.web;

import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.RfmScores;
import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer search and 360 API, imported by {@link dev.retention.admin.RetentionAdminAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class CustomerAdminConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CustomerAdminController retentionCustomerAdminController(CustomerProfiles profiles, OrderHistory orders,
            ObjectProvider<CustomerAdminController.CustomerInsight> insights) {
        return new CustomerAdminController(profiles, orders, insights.orderedStream().toList());
    }

    @Bean
    @ConditionalOnBean(RfmScores.class)
    @ConditionalOnMissingBean(name = "retentionRfmCustomerInsight")
    CustomerAdminController.CustomerInsight retentionRfmCustomerInsight(RfmScores scores) {
        return AnalyticsCustomerInsights.rfm(scores);
    }

    @Bean
    @ConditionalOnBean(CustomerPredictions.class)
    @ConditionalOnMissingBean(name = "retentionPredictionCustomerInsight")
    CustomerAdminController.CustomerInsight retentionPredictionCustomerInsight(CustomerPredictions predictions) {
        return AnalyticsCustomerInsights.prediction(predictions);
    }
}
