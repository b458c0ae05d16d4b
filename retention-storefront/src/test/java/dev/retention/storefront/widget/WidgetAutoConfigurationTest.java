package dev.retention.storefront.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.storefront.RetentionStorefrontAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;

class WidgetAutoConfigurationTest {

    final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RetentionStorefrontAutoConfiguration.class))
            // the feature endpoints registered here need their services, which this bare context lacks
            .withPropertyValues("retention.storefront.security=false", "retention.loyalty.enabled=false");

    @Test
    void widgetTextsComeWithoutReplacingTheHostsMessageSource() {
        StaticMessageSource hostMessages = new StaticMessageSource();
        runner.withBean("messageSource", MessageSource.class, () -> hostMessages).run(context -> {
            assertThat(context).hasSingleBean(RetentionMessages.class).hasBean("retentionWidgetResources");
            assertThat(context.getBeansOfType(MessageSource.class)).containsOnlyKeys("messageSource");
            assertThat(context.getBean("messageSource")).isSameAs(hostMessages);
        });
    }

    @Test
    void theHostMayProvideItsOwnWidgetTexts() {
        RetentionMessages own = new RetentionMessages();
        runner.withBean(RetentionMessages.class, () -> own)
                .run(context -> assertThat(context.getBean(RetentionMessages.class)).isSameAs(own));
    }
}
