package dev.retention.storefront.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class RetentionMessagesTest {

    @Test
    void eachSupportedLanguageHasItsOwnWordingAndOthersFallBackToEnglish() {
        RetentionMessages messages = new RetentionMessages();

        assertThat(messages.text(Locale.forLanguageTag("pl-PL"), "rtn.history.title")).isEqualTo("Historia punktów");
        assertThat(messages.text(Locale.forLanguageTag("ro"), "rtn.history.title")).isEqualTo("Istoricul punctelor");
        assertThat(messages.text(Locale.forLanguageTag("pt-PT"), "rtn.history.title")).isEqualTo("Histórico de pontos");
        assertThat(messages.text(Locale.GERMANY, "rtn.history.title")).isEqualTo("Points history");
    }

    @Test
    void theHostsOwnMessageSourceMayRewordAKey() {
        StaticMessageSource host = new StaticMessageSource();
        host.addMessage("rtn.panel.title", Locale.ENGLISH, "Club rewards");
        RetentionMessages messages = new RetentionMessages();
        messages.setMessageSource(host);

        assertThat(messages.text(Locale.UK, "rtn.panel.title")).isEqualTo("Club rewards");
        assertThat(messages.text(Locale.UK, "rtn.tier.title")).isEqualTo("Your tier");
    }

    @Test
    void aHostAnsweringWithTheCodeItselfDoesNotHideOurText() {
        StaticMessageSource host = new StaticMessageSource();
        host.setUseCodeAsDefaultMessage(true);
        RetentionMessages messages = new RetentionMessages();
        messages.setMessageSource(host);

        assertThat(messages.text(Locale.ENGLISH, "rtn.tier.title")).isEqualTo("Your tier");
    }

    @Test
    void languagesMapToTheFourSupportedTags() {
        assertThat(RetentionMessages.supported(Locale.forLanguageTag("pt")).toLanguageTag()).isEqualTo("pt-BR");
        assertThat(RetentionMessages.supported(Locale.forLanguageTag("pl-PL")).toLanguageTag()).isEqualTo("pl");
        assertThat(RetentionMessages.supported(Locale.JAPAN).toLanguageTag()).isEqualTo("en");
        assertThat(RetentionMessages.supported(null).toLanguageTag()).isEqualTo("en");
    }
}
