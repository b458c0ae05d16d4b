package dev.retention.autoconfigure;

import dev.retention.audit.AuditLog;
import dev.retention.customer.CustomerProfiles;
import dev.retention.host.DiscountPort;
import dev.retention.ingest.Timers;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.ProgrammeSettings;
import dev.retention.loyalty.Redemptions;
import dev.retention.loyalty.internal.CheckoutReservations;
import dev.retention.loyalty.internal.Ledger;
import dev.retention.loyalty.internal.LedgerDriftJob;
import dev.retention.loyalty.internal.LoyaltyEngine;
import dev.retention.loyalty.internal.LoyaltyEventHandler;
import dev.retention.loyalty.internal.LoyaltyPersonalData;
import dev.retention.loyalty.internal.LoyaltyTimerHandlers;
import dev.retention.loyalty.internal.PointsExpiryJob;
import dev.retention.privacy.PrivacyService;
import dev.retention.referral.Referrals;
import dev.retention.support.DatabaseVendor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The loyalty programme and referrals. Switch off with {@code retention.loyalty.enabled=false}. */
@AutoConfiguration(after = {RetentionIngestAutoConfiguration.class, RetentionCustomerAutoConfiguration.class,
    RetentionPrivacyAutoConfiguration.class})
@ConditionalOnBean(RetentionProperties.class)
@ConditionalOnBooleanProperty(name = "retention.loyalty.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionLoyaltyProperties.class)
public class RetentionLoyaltyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProgrammeSettings retentionProgrammeSettings(DataSource dataSource, AuditLog audit, Clock clock,
            RetentionLoyaltyProperties properties) {
        return new ProgrammeSettings(JdbcClient.create(dataSource), audit, clock, properties.settings(),
                properties.tierPolicy(), properties.effectiveRewards(), properties.referralPolicy(),
                properties.currency());
    }

    @Bean
    @ConditionalOnMissingBean
    Ledger retentionLoyaltyLedger(DataSource dataSource, DatabaseVendor vendor) {
        return new Ledger(JdbcClient.create(dataSource), vendor);
    }

    @Bean
    @ConditionalOnMissingBean
    Referrals retentionReferrals(DataSource dataSource, DatabaseVendor vendor, CustomerProfiles profiles,
            ProgrammeSettings settings) {
        return new Referrals(JdbcClient.create(dataSource), vendor, profiles, settings::referrals);
    }

    @Bean
    @ConditionalOnMissingBean
    CheckoutReservations retentionCheckoutReservations(DataSource dataSource, Ledger ledger,
            ObjectProvider<Timers> timers) {
        return new CheckoutReservations(JdbcClient.create(dataSource), ledger, new LazyTimers(timers));
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyEngine retentionLoyaltyEngine(DataSource dataSource, DatabaseVendor vendor, Ledger ledger,
            ProgrammeSettings settings, ObjectProvider<Timers> timers, Referrals referrals,
            CheckoutReservations reservations, ApplicationEventPublisher events) {
        return new LoyaltyEngine(JdbcClient.create(dataSource), vendor, ledger, settings, new LazyTimers(timers), referrals,
                reservations, events);
    }

    @Bean
    @ConditionalOnMissingBean
    Loyalty retentionLoyalty(DataSource dataSource, Ledger ledger, LoyaltyEngine engine, ProgrammeSettings settings,
            AuditLog audit, PlatformTransactionManager transactions, Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new Loyalty(JdbcClient.create(dataSource), ledger, engine, settings, audit, readCommitted(transactions),
                clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    Redemptions retentionRedemptions(Ledger ledger, CheckoutReservations reservations, ProgrammeSettings settings,
            ObjectProvider<DiscountPort> discounts, PlatformTransactionManager transactions, Clock clock) {
        return new Redemptions(ledger, reservations, settings, discounts::getIfAvailable,
                readCommitted(transactions), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyEventHandler retentionLoyaltyEventHandler(LoyaltyEngine engine) {
        return new LoyaltyEventHandler(engine);
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyTimerHandlers.ConfirmPoints retentionLoyaltyConfirmTimer(LoyaltyEngine engine) {
        return new LoyaltyTimerHandlers.ConfirmPoints(engine);
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyTimerHandlers.ReleaseReservation retentionLoyaltyReservationTimer(Redemptions redemptions) {
        return new LoyaltyTimerHandlers.ReleaseReservation(redemptions);
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyTimerHandlers.Birthday retentionLoyaltyBirthdayTimer(LoyaltyEngine engine, PrivacyService privacy) {
        return new LoyaltyTimerHandlers.Birthday(engine, privacy);
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyTimerHandlers.Anniversary retentionLoyaltyAnniversaryTimer(LoyaltyEngine engine, PrivacyService privacy) {
        return new LoyaltyTimerHandlers.Anniversary(engine, privacy);
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyTimerHandlers.TierReview retentionLoyaltyTierReviewTimer(LoyaltyEngine engine) {
        return new LoyaltyTimerHandlers.TierReview(engine);
    }

    @Bean
    @ConditionalOnMissingBean
    PointsExpiryJob retentionPointsExpiryJob(DataSource dataSource, Ledger ledger, ProgrammeSettings settings,
            PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock,
            RetentionLoyaltyProperties properties) {
        return new PointsExpiryJob(JdbcClient.create(dataSource), ledger, settings, readCommitted(transactions),
                events, clock,
                properties.expiryInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    LedgerDriftJob retentionLedgerDriftJob(Loyalty loyalty, RetentionLoyaltyProperties properties) {
        return new LedgerDriftJob(loyalty, properties.driftInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    LoyaltyPersonalData retentionLoyaltyPersonalData(DataSource dataSource, Loyalty loyalty, Referrals referrals) {
        return new LoyaltyPersonalData(JdbcClient.create(dataSource), loyalty, referrals);
    }

    /**
     * Loyalty's own transactions read committed data after taking the account lock (MariaDB defaults to
     * REPEATABLE READ, whose snapshot could predate the lock).
     */
    static TransactionTemplate readCommitted(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }

    /** The timer store depends on the timer handlers, which depend on the engine: resolve it on first use. */
    private record LazyTimers(ObjectProvider<Timers> timers) implements Timers {
        @Override
        public void schedule(String kind, String key, java.time.Instant dueAt, String payload) {
            timers.getObject().schedule(kind, key, dueAt, payload);
        }

        @Override
        public void cancel(String kind, String key) {
            timers.getObject().cancel(kind, key);
        }
    }
}
