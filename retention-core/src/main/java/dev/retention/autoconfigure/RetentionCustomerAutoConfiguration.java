package dev.retention.autoconfigure;

import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.customer.internal.CustomerPersonalData;
import dev.retention.customer.internal.CustomerProjection;
import dev.retention.customer.internal.OrderProjection;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Customer and order history built from host events. */
@AutoConfiguration(after = RetentionIngestAutoConfiguration.class)
@ConditionalOnBean(RetentionProperties.class)
public class RetentionCustomerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CustomerProfiles retentionCustomerProfiles(DataSource dataSource) {
        return new CustomerProfiles(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    OrderHistory retentionOrderHistory(DataSource dataSource) {
        return new OrderHistory(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    CustomerProjection retentionCustomerProjection(DataSource dataSource) {
        return new CustomerProjection(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    OrderProjection retentionOrderProjection(DataSource dataSource) {
        return new OrderProjection(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    CustomerPersonalData retentionCustomerPersonalData(DataSource dataSource, CustomerProfiles profiles,
            OrderHistory orders) {
        return new CustomerPersonalData(JdbcClient.create(dataSource), profiles, orders);
    }
}
