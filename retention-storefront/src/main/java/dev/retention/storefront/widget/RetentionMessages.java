package dev.retention.storefront.widget;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceAware;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of the widget shells, from {@code retention/messages*.properties} (en, pt-BR, ro, pl; en is the
 * fallback). The templates call it as {@code ${@retentionMessages.text('rtn.panel.title')}}.
 *
 * <p>It deliberately is not a {@link MessageSource} bean: the host keeps its own {@code messageSource} untouched
 * (no second bean of that type to confuse autowiring). As a {@link MessageSourceAware} bean it does see the host's
 * one, and a key the host defines there (e.g. {@code rtn.panel.title=Club rewards}) wins over ours, so a shop can
 * reword a widget without copying the templates.
 */
public class RetentionMessages implements MessageSourceAware {

    /** The languages the widgets speak, as BCP 47 tags. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "pt-BR", "ro", "pl");

    private final ResourceBundleMessageSource own = new ResourceBundleMessageSource();
    private MessageSource host;

    public RetentionMessages() {
        own.setBasename("retention/messages");
        own.setDefaultEncoding("UTF-8");
        own.setFallbackToSystemLocale(false);
    }

    @Override
    public void setMessageSource(MessageSource messageSource) {
        this.host = messageSource;
    }

    /** The text for {@code key} in the request's language. */
    public String text(String key, Object... args) {
        return text(LocaleContextHolder.getLocale(), key, args);
    }

    /** The text for {@code key} in {@code locale}'s supported language. */
    public String text(Locale locale, String key, Object... args) {
        Locale supported = supported(locale);
        if (host != null) {
            String hostText = host.getMessage(key, args, null, supported);
            // A host with useCodeAsDefaultMessage answers the key itself: that is "not defined" here.
            if (hostText != null && !hostText.equals(key)) {
                return hostText;
            }
        }
        return own.getMessage(key, args, supported);
    }

    /** The BCP 47 tag of the language the widgets use for the request ({@code lang} attribute of every shell). */
    public String tag() {
        return supported(LocaleContextHolder.getLocale()).toLanguageTag();
    }

    /** Maps any locale to one of {@link #LANGUAGES}: Portuguese is Brazilian Portuguese, anything else English. */
    public static Locale supported(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return switch (language) {
            case "pt" -> Locale.forLanguageTag("pt-BR");
            case "ro", "pl" -> Locale.forLanguageTag(language);
            default -> Locale.ENGLISH;
        };
    }
}
