package dev.retention.engage.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders e-mails from Thymeleaf templates under {@code retention/mail/} with wording from
 * {@code retention/mail/messages_<locale>.properties}. Uses Thymeleaf's standalone engine: no web types. A
 * missing message key is an error (the message is parked), never a {@code ??key??} in a shopper's inbox.
 */
public class MailRenderer {

    /** A rendered e-mail. */
    public record Rendered(String subject, String html, String text) {
    }

    private final TemplateEngine engine = new TemplateEngine();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public MailRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
        resolver.setPrefix("retention/mail/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        messages.setBasename("retention/mail/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        engine.setMessageResolver(new IMessageResolver() {
            @Override
            public String getName() {
                return "retention-mail";
            }

            @Override
            public Integer getOrder() {
                return 0;
            }

            @Override
            public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
                return messages.getMessage(key, args, context.getLocale());
            }

            @Override
            public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                    Object[] args) {
                throw new IllegalStateException("No message '" + key + "' for " + context.getLocale());
            }
        });
    }

    /**
     * Renders the flow's template in the locale; the subject is message {@code <messageKey>.subject.<step>} with the
     * variable {@code subjectArgs} (an Object[]) as arguments.
     */
    public Rendered render(dev.retention.engage.Flow flow, int step, Locale locale, Map<String, Object> variables) {
        String name = flow.key();
        Context context = new Context(locale, variables);
        context.setVariable("step", step);
        String html = engine.process(name, context);
        Object[] args = (Object[]) variables.getOrDefault("subjectArgs", new Object[0]);
        String subject = messages.getMessage(flow.messageKey() + ".subject." + step, args, locale);
        return new Rendered(subject, html, HtmlText.toText(html));
    }

    /** Renders a template that is not a shopper flow (staff notifications); subject is {@code <messageKey>.subject}. */
    public Rendered renderPlain(String name, String messageKey, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        String html = engine.process(name, context);
        Object[] args = (Object[]) variables.getOrDefault("subjectArgs", new Object[0]);
        return new Rendered(messages.getMessage(messageKey + ".subject", args, locale), html, HtmlText.toText(html));
    }

    /** The supported locales of the shipped templates. */
    public static final java.util.List<Locale> LOCALES = java.util.List.of(Locale.ENGLISH,
            Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("ro"), Locale.forLanguageTag("pl"));
}
