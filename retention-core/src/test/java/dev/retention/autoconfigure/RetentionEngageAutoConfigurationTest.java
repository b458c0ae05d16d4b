package dev.retention.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.engage.EngagementTracking;
import dev.retention.engage.MailMessagingPort;
import dev.retention.engage.Outbox;
import dev.retention.engage.SignedLinks;
import dev.retention.feedback.Feedback;
import dev.retention.host.MessagingPort;
import dev.retention.host.OutgoingMessage;
import dev.retention.ingest.RetentionJob;
import dev.retention.privacy.PrivacyService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RetentionEngageAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, MailSenderAutoConfiguration.class,
                    RetentionIngestAutoConfiguration.class, RetentionCustomerAutoConfiguration.class,
                    RetentionPrivacyAutoConfiguration.class, RetentionEngageAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:engage-autoconfig-" + java.util.UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "retention.inbox.worker=false");

    @Test
    void withSpringMailConfiguredEmailGoesOutThroughTheMailAdapter() {
        runner.withPropertyValues("spring.mail.host=127.0.0.1", "retention.engage.signing-secret=0123456789abcdef")
                .run(context -> {
                    assertThat(context).hasSingleBean(MailMessagingPort.class).hasSingleBean(Outbox.class)
                            .hasSingleBean(EngagementTracking.class).hasSingleBean(Feedback.class);
                    assertThat(context.getBeansOfType(RetentionJob.class)).containsKey("retentionOutboxJob");
                    assertThat(context.getBean(PrivacyService.class).sections()).contains("engagement", "feedback");
                });
    }

    @Test
    void withoutAMailSenderThereIsNoAdapterAndAHostPortReplacesIt() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MessagingPort.class).hasSingleBean(Outbox.class));
        MessagingPort sms = new MessagingPort() {
            @Override
            public boolean supports(String channel) {
                return true;
            }

            @Override
            public void deliver(OutgoingMessage message) {
            }
        };
        runner.withPropertyValues("spring.mail.host=127.0.0.1").withBean("hostPort", MessagingPort.class, () -> sms)
                .run(context -> assertThat(context.getBean(MessagingPort.class)).isSameAs(sms));
    }

    @Test
    void withRecommendationsOnTheMessagesGetTheirSuggestions() {
        runner.withConfiguration(AutoConfigurations.of(RetentionRecommendAutoConfiguration.class))
                .withBean(dev.retention.host.CatalogPort.class, () -> id -> java.util.Optional.empty())
                .run(context -> {
                    assertThat(context).hasSingleBean(dev.retention.recommend.Recommendations.class)
                            .hasSingleBean(dev.retention.engage.RelatedProducts.class);
                    assertThat(context.getBean(dev.retention.engage.RelatedProducts.class)
                            .relatedTo("c-1", java.util.List.of("p-1"), 3)).isEmpty();
                });
        runner.run(context -> assertThat(context).doesNotHaveBean(dev.retention.engage.RelatedProducts.class));
    }

    @Test
    void aMissingSigningSecretStillStartsWithARandomOneAndFeaturesCanBeSwitchedOff() {
        runner.run(context -> assertThat(context.getBean(SignedLinks.class).verify(
                context.getBean(SignedLinks.class).sign("o", "m-1"), "o")).isPresent());
        runner.withPropertyValues("retention.engage.delivery.worker=false", "retention.feedback.enabled=false")
                .run(context -> {
                    assertThat(context.getBeansOfType(RetentionJob.class)).doesNotContainKey("retentionOutboxJob");
                    assertThat(context).doesNotHaveBean(Feedback.class);
                });
        runner.withPropertyValues("retention.engage.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Outbox.class));
    }
}
