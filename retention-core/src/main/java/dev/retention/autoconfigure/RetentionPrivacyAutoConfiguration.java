package dev.retention.autoconfigure;

import dev.retention.audit.AuditLog;
import dev.retention.privacy.PersonalDataHandler;
import dev.retention.privacy.PrivacyService;
import dev.retention.privacy.internal.ErasureEventHandler;
import dev.retention.support.DatabaseVendor;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Export and erasure across every feature's {@link PersonalDataHandler}, and the admin audit trail. */
@AutoConfiguration(after = RetentionIngestAutoConfiguration.class)
@ConditionalOnBean(RetentionProperties.class)
public class RetentionPrivacyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PrivacyService retentionPrivacyService(ObjectProvider<PersonalDataHandler> handlers, DataSource dataSource,
            DatabaseVendor vendor, TransactionTemplate tx, Clock clock) {
        return new PrivacyService(handlers.orderedStream().toList(), JdbcClient.create(dataSource), vendor, tx, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditLog retentionAuditLog(DataSource dataSource, Clock clock) {
        return new AuditLog(JdbcClient.create(dataSource), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ErasureEventHandler retentionErasureEventHandler(PrivacyService privacy) {
        return new ErasureEventHandler(privacy);
    }
}
