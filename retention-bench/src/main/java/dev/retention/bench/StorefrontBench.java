package dev.retention.bench;

import dev.retention.storefront.widget.RetentionMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Server time the storefront widgets add to a page: renders every fragment (badge, three carousels, redeem box, two
 * join prompts, panel, tier, rewards, history, referral, NPS, preferences) with the same Spring Thymeleaf engine a
 * host uses (template cache on, as in production), in all four languages in turn, and subtracts nothing: the
 * "widgets" figure is the whole render of a page made only of widgets. The "empty" page is the engine's floor.
 * Also prints the JS embed's size gzipped at level 9.
 */
final class StorefrontBench {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"),
            Locale.forLanguageTag("ro"), Locale.forLanguageTag("pl"));

    private StorefrontBench() {
    }

    static void run(String[] args) throws IOException {
        int renders = Integer.parseInt(Results.option(args, "renders", "20000"));
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("retentionMessages", RetentionMessages.class);
        context.refresh();

        SpringResourceTemplateResolver templates = new SpringResourceTemplateResolver();
        templates.setApplicationContext(context);
        templates.setPrefix("classpath:/templates/");
        templates.setSuffix(".html");
        templates.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setEnableSpringELCompiler(true);

        MockServletContext servletContext = new MockServletContext();
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(servletContext);
        ThymeleafEvaluationContext evaluation = new ThymeleafEvaluationContext(context, new DefaultConversionService());

        int warmup = Math.max(2000, renders / 5);
        for (int i = 0; i < warmup; i++) {
            render(engine, application, evaluation, "bench/widgets-only", i);
            render(engine, application, evaluation, "bench/empty", i);
        }
        long[] widgets = new long[renders];
        long[] empty = new long[renders];
        int bytes = 0;
        for (int i = 0; i < renders; i++) {
            long start = System.nanoTime();
            bytes = render(engine, application, evaluation, "bench/widgets-only", i);
            widgets[i] = System.nanoTime() - start;
            start = System.nanoTime();
            render(engine, application, evaluation, "bench/empty", i);
            empty[i] = System.nanoTime() - start;
        }
        Results.print("storefront.render.widgets.p50", Results.percentile(widgets, 50) / 1e6, "ms");
        Results.print("storefront.render.widgets.p95", Results.percentile(widgets, 95) / 1e6, "ms");
        Results.print("storefront.render.widgets.p99", Results.percentile(widgets, 99) / 1e6, "ms");
        Results.print("storefront.render.empty.p95", Results.percentile(empty, 95) / 1e6, "ms");
        Results.print("storefront.render.widgets.html", bytes, "chars");
        Results.print("storefront.embed.js.gzip", gzipped("static/retention/widget/retention.js"), "bytes");
        Results.print("storefront.embed.css.gzip", gzipped("static/retention/widget/retention.css"), "bytes");
        context.close();
    }

    private static int render(SpringTemplateEngine engine, JakartaServletWebApplication application,
            ThymeleafEvaluationContext evaluation, String template, int i) {
        Locale locale = LANGUAGES.get(i % LANGUAGES.size());
        LocaleContextHolder.setLocale(locale);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products/p-" + (i % 50));
        WebContext page = new WebContext(application.buildExchange(request, new MockHttpServletResponse()), locale);
        page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation);
        page.setVariable("productId", "p-" + (i % 50));
        page.setVariable("checkoutId", "chk-" + i);
        page.setVariable("cartTotal", "59.90");
        StringWriter out = new StringWriter(24_000);
        engine.process(template, page, out);
        return out.getBuffer().length();
    }

    private static int gzipped(String resource) throws IOException {
        try (InputStream in = StorefrontBench.class.getClassLoader().getResourceAsStream(resource)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
                {
                    def.setLevel(9);
                }
            }) {
                in.transferTo(gzip);
            }
            return bytes.size();
        }
    }
}
