package dev.retention.autoconfigure;

import dev.retention.host.CatalogPort;
import dev.retention.host.CustomerDirectoryPort;
import dev.retention.host.DiscountPort;
import dev.retention.host.HostCapabilities;
import dev.retention.host.MessagingPort;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJob;
import dev.retention.ingest.RetentionJobs;
import dev.retention.ingest.TimerHandler;
import dev.retention.ingest.Timers;
import dev.retention.ingest.internal.DatabaseLocks;
import dev.retention.ingest.internal.EventCodec;
import dev.retention.ingest.internal.InboxPersonalData;
import dev.retention.ingest.internal.InboxProcessor;
import dev.retention.ingest.internal.InboxStore;
import dev.retention.ingest.internal.InboxWorker;
import dev.retention.ingest.internal.JdbcTimers;
import dev.retention.ingest.internal.RetentionEventListener;
import dev.retention.support.DatabaseVendor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The foundation: Retention Kit's schema, the event inbox, timers and jobs. Every bean backs off when the host
 * defines its own of the same type.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class},
        afterName = {"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "retention.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetentionIngestAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock retentionClock() {
        return Clock.systemUTC();
    }

    /**
     * What the host supports when it does not say: every event type, and the ports it has beans for. A host that
     * publishes only some events declares its own {@link HostCapabilities} bean so features can say what is missing.
     */
    @Bean
    @ConditionalOnMissingBean
    HostCapabilities retentionHostCapabilities(ObjectProvider<CatalogPort> catalog,
            ObjectProvider<CustomerDirectoryPort> directory, ObjectProvider<DiscountPort> discounts,
            ObjectProvider<MessagingPort> messaging) {
        Set<HostCapabilities.Port> ports = EnumSet.noneOf(HostCapabilities.Port.class);
        if (catalog.getIfAvailable() != null) {
            ports.add(HostCapabilities.Port.CATALOG);
        }
        if (directory.getIfAvailable() != null) {
            ports.add(HostCapabilities.Port.CUSTOMER_DIRECTORY);
        }
        if (discounts.getIfAvailable() != null) {
            ports.add(HostCapabilities.Port.DISCOUNT);
        }
        if (messaging.getIfAvailable() != null) {
            ports.add(HostCapabilities.Port.MESSAGING);
        }
        return new HostCapabilities(HostCapabilities.allEvents(), ports, false);
    }

    @Bean
    @ConditionalOnMissingBean
    DatabaseVendor retentionDatabaseVendor(DataSource dataSource) {
        return DatabaseVendor.of(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "retention.schema.migrate", matchIfMissing = true)
    RetentionSchemaMigrator retentionSchemaMigrator(DataSource dataSource, DatabaseVendor vendor,
            RetentionProperties properties) {
        return new RetentionSchemaMigrator(dataSource, vendor, properties.schema().table());
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionTemplate retentionTransactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec retentionEventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    InboxStore retentionInboxStore(DataSource dataSource, DatabaseVendor vendor) {
        return new InboxStore(new JdbcTemplate(dataSource), vendor);
    }

    @Bean
    @ConditionalOnMissingBean
    DatabaseLocks retentionDatabaseLocks(DataSource dataSource, DatabaseVendor vendor) {
        // Leases are physical time shared by every node, never the (replaceable, possibly simulated) business clock.
        return new DatabaseLocks(JdbcClient.create(dataSource), vendor, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(Timers.class)
    JdbcTimers retentionTimers(DataSource dataSource, DatabaseVendor vendor, TransactionTemplate tx,
            ObjectProvider<TimerHandler> handlers, RetentionProperties properties) {
        return new JdbcTimers(JdbcClient.create(dataSource), vendor, tx, handlers.orderedStream().toList(),
                properties.inbox().maxAttempts());
    }

    @Bean
    @ConditionalOnMissingBean
    InboxProcessor retentionInboxProcessor(InboxStore store, EventCodec codec,
            ObjectProvider<RetentionEventHandler> handlers, JdbcTimers timers, DatabaseLocks locks,
            TransactionTemplate tx, Clock clock, RetentionProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        RetentionProperties.Inbox inbox = properties.inbox();
        return new InboxProcessor(store, codec, handlers.orderedStream().toList(), timers, locks, tx, clock,
                new InboxProcessor.Settings(inbox.batchSize(), inbox.maxAttempts(), inbox.initialBackoff(),
                        inbox.maxBackoff(), inbox.predecessorRetry(), inbox.predecessorTimeout(), inbox.lockLease()),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionEvents retentionEvents(InboxStore store, EventCodec codec, Clock clock,
            ObjectProvider<InboxWorker> worker, ObjectProvider<MeterRegistry> meters) {
        return new RetentionEvents(store, codec, clock, () -> worker.ifAvailable(InboxWorker::nudge),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox retentionInbox(InboxStore store, InboxProcessor processor, Clock clock) {
        return new Inbox(store, processor, clock);
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean(name = "retentionJobExecutor")
    ExecutorService retentionJobExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "retention-jobs");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionJobs retentionJobs(ObjectProvider<RetentionJob> jobs, DataSource dataSource, DatabaseLocks locks,
            Clock clock, ExecutorService retentionJobExecutor) {
        return new RetentionJobs(jobs.orderedStream().toList(), JdbcClient.create(dataSource), locks, clock,
                retentionJobExecutor);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "retention.inbox.worker", matchIfMissing = true)
    InboxWorker retentionInboxWorker(InboxProcessor processor, RetentionEvents events, RetentionJobs jobs,
            RetentionProperties properties) {
        return new InboxWorker(processor, events, jobs, properties.inbox().pollInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionEventListener retentionEventListener(RetentionEvents events) {
        return new RetentionEventListener(events);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxPersonalData retentionInboxPersonalData(InboxStore store, EventCodec codec) {
        return new InboxPersonalData(store, codec);
    }
}
