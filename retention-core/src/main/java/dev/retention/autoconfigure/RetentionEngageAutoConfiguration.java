package dev.retention.autoconfigure;

import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.engage.AdminNotifications;
import dev.retention.engage.EngagementReports;
import dev.retention.engage.EngagementTracking;
import dev.retention.engage.FlowSettingsService;
import dev.retention.engage.MailMessagingPort;
import dev.retention.engage.Outbox;
import dev.retention.engage.RelatedProducts;
import dev.retention.engage.SignedLinks;
import dev.retention.engage.SurveyInvitations;
import dev.retention.engage.Unsubscribes;
import dev.retention.engage.internal.Attribution;
import dev.retention.engage.internal.EngagePersonalData;
import dev.retention.engage.internal.EngagementFlows;
import dev.retention.engage.internal.MailRenderer;
import dev.retention.engage.internal.MessageComposer;
import dev.retention.engage.internal.SendingRules;
import dev.retention.feedback.Feedback;
import dev.retention.feedback.FeedbackReports;
import dev.retention.feedback.internal.FeedbackPersonalData;
import dev.retention.host.CatalogPort;
import dev.retention.host.CustomerDirectoryPort;
import dev.retention.host.DiscountPort;
import dev.retention.host.MessagingPort;
import dev.retention.ingest.RetentionJob;
import dev.retention.ingest.Timers;
import dev.retention.privacy.PrivacyService;
import dev.retention.recommend.Placement;
import dev.retention.recommend.Recommendation;
import dev.retention.recommend.RecommendationRequest;
import dev.retention.recommend.Recommendations;
import dev.retention.support.DatabaseVendor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Engagement flows and feedback surveys: triggers and timers, sending rules, the outbox and its delivery, tracking, reports. E-mail goes
 * out through {@link MailMessagingPort} when the host has a {@link JavaMailSender} (set {@code spring.mail.host});
 * a host's own {@link MessagingPort} bean replaces it.
 */
@AutoConfiguration(after = {RetentionIngestAutoConfiguration.class, RetentionCustomerAutoConfiguration.class,
    RetentionPrivacyAutoConfiguration.class, RetentionRecommendAutoConfiguration.class},
        afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnBean(RetentionProperties.class)
@ConditionalOnBooleanProperty(name = "retention.engage.enabled", matchIfMissing = true)
@EnableConfigurationProperties({RetentionEngageProperties.class, RetentionFeedbackProperties.class})
public class RetentionEngageAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetentionEngageAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SignedLinks retentionSignedLinks(RetentionEngageProperties properties) {
        String secret = properties.signingSecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            log.warn("engage.signing-secret-missing: retention.engage.signing-secret is not set; using a random secret,"
                    + " so unsubscribe, tracking and survey links in sent e-mails stop working after a restart");
        }
        return new SignedLinks(secret, properties.baseUrl());
    }

    @Bean
    @ConditionalOnMissingBean
    FlowSettingsService retentionFlowSettings(DataSource dataSource, Clock clock,
            RetentionEngageProperties properties) {
        return new FlowSettingsService(JdbcClient.create(dataSource), clock, properties.holdoutPercent());
    }

    @Bean
    @ConditionalOnMissingBean
    Unsubscribes retentionUnsubscribes(DataSource dataSource, DatabaseVendor vendor) {
        return new Unsubscribes(JdbcClient.create(dataSource), vendor);
    }

    @Bean
    @ConditionalOnMissingBean
    MailRenderer retentionMailRenderer() {
        return new MailRenderer();
    }

    @Bean
    @ConditionalOnMissingBean
    MessageComposer retentionMessageComposer(DataSource dataSource, DatabaseVendor vendor,
            FlowSettingsService flows, CustomerProfiles profiles, ObjectProvider<CustomerDirectoryPort> directory,
            PrivacyService privacy, Unsubscribes unsubscribes, MailRenderer renderer, SignedLinks links,
            RetentionEngageProperties properties) {
        return new MessageComposer(JdbcClient.create(dataSource), vendor, flows, profiles,
                Optional.ofNullable(directory.getIfAvailable()), privacy, unsubscribes,
                new SendingRules(properties.quietStart(), properties.quietEnd()), renderer, links,
                new MessageComposer.Settings(properties.frequencyCap(), properties.frequencyPeriod(),
                        properties.messageIdDomain()));
    }

    /** Suggestions in thank-you and cart e-mails come from the recommendations feature when it is on. */
    @Bean
    @ConditionalOnMissingBean(RelatedProducts.class)
    @ConditionalOnBean(Recommendations.class)
    RelatedProducts retentionRelatedProducts(Recommendations recommendations) {
        return (customerId, productIds, limit) -> recommendations.recommend(
                        RecommendationRequest.of(Placement.CART, productIds, customerId, limit))
                .stream().map(Recommendation::productId).toList();
    }

    @Bean
    @ConditionalOnMissingBean
    Attribution retentionAttribution(DataSource dataSource, DatabaseVendor vendor,
            RetentionEngageProperties properties) {
        return new Attribution(JdbcClient.create(dataSource), vendor, properties.attributionWindow());
    }

    @Bean
    @ConditionalOnMissingBean
    EngagementFlows retentionEngagementFlows(DataSource dataSource, ObjectProvider<Timers> timers, MessageComposer composer,
            CustomerProfiles profiles, OrderHistory orders, ObjectProvider<CatalogPort> catalog,
            ObjectProvider<DiscountPort> discounts, ObjectProvider<RelatedProducts> related,
            ObjectProvider<SurveyInvitations> surveys, Attribution attribution, Clock clock,
            RetentionEngageProperties properties) {
        // Timers are looked up lazily: the timer service itself collects this bean as a handler.
        return new EngagementFlows(JdbcClient.create(dataSource), timers::getObject, composer, profiles, orders, catalog,
                discounts, related, surveys, attribution, clock, properties.maxLateness());
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox retentionOutbox(DataSource dataSource, DatabaseVendor vendor, ObjectProvider<MessagingPort> ports,
            Clock clock, RetentionEngageProperties properties) {
        RetentionEngageProperties.Delivery delivery = properties.delivery();
        return new Outbox(JdbcClient.create(dataSource), vendor, ports.orderedStream().toList(), clock,
                new Outbox.Settings(delivery.batchSize(), delivery.lease(), delivery.maxAttempts(),
                        delivery.backoff()), properties.messageIdDomain());
    }

    @Bean
    @ConditionalOnMissingBean(name = "retentionOutboxJob")
    @ConditionalOnBooleanProperty(name = "retention.engage.delivery.worker", matchIfMissing = true)
    RetentionJob retentionOutboxJob(Outbox outbox, RetentionEngageProperties properties) {
        Duration interval = properties.delivery().interval();
        return new RetentionJob() {
            @Override
            public String name() {
                return "engage-outbox";
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public long run(JobProgress progress) {
                return outbox.deliverDue();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    AdminNotifications retentionAdminNotifications(MailRenderer renderer, Outbox outbox) {
        return new AdminNotifications(renderer, outbox);
    }

    @Bean
    @ConditionalOnMissingBean
    EngagementTracking retentionEngagementTracking(DataSource dataSource, SignedLinks links,
            Unsubscribes unsubscribes, Clock clock) {
        return new EngagementTracking(JdbcClient.create(dataSource), links, unsubscribes, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EngagementReports retentionEngagementReports(DataSource dataSource) {
        return new EngagementReports(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    EngagePersonalData retentionEngagePersonalData(DataSource dataSource) {
        return new EngagePersonalData(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "retention.feedback.enabled", matchIfMissing = true)
    Feedback retentionFeedback(DataSource dataSource, DatabaseVendor vendor, SignedLinks links, Clock clock,
            EngagementFlows flows, AdminNotifications notifications, RetentionFeedbackProperties properties) {
        return new Feedback(JdbcClient.create(dataSource), vendor, links, clock, Optional.of(flows),
                Optional.of(notifications), new Feedback.Settings(properties.pagePath(),
                        properties.alertEmail() == null || properties.alertEmail().isBlank() ? null
                                : properties.alertEmail(), properties.promoterFollowUp()));
    }

    @Bean
    @ConditionalOnMissingBean
    FeedbackReports retentionFeedbackReports(DataSource dataSource) {
        return new FeedbackReports(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    FeedbackPersonalData retentionFeedbackPersonalData(DataSource dataSource) {
        return new FeedbackPersonalData(JdbcClient.create(dataSource));
    }

    /** The default e-mail adapter, when the host configured Spring Mail and has no MessagingPort of its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JavaMailSender.class)
    static class Mail {

        @Bean
        @ConditionalOnBean(JavaMailSender.class)
        @ConditionalOnMissingBean(MessagingPort.class)
        MailMessagingPort retentionMailMessagingPort(JavaMailSender sender, RetentionEngageProperties properties) {
            return new MailMessagingPort(sender, properties.from());
        }
    }
}
