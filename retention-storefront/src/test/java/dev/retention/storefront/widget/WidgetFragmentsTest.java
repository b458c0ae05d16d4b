package dev.retention.storefront.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

/** Every Thymeleaf fragment, rendered in every language through a host page, as an integrator includes it. */
@SpringBootTest(classes = WidgetHostApplication.class, properties = WidgetHostApplication.WITHOUT_FEATURE_BACK_ENDS)
@AutoConfigureMockMvc
class WidgetFragmentsTest {

    /** Fragment name and the message key of its heading (or label, for the badge). */
    static final Map<String, String> FRAGMENTS = Map.ofEntries(Map.entry("points-badge", "rtn.badge.label"),
            Map.entry("loyalty-panel", "rtn.panel.title"), Map.entry("tier-progress", "rtn.tier.title"),
            Map.entry("rewards", "rtn.rewards.title"), Map.entry("redeem-at-checkout", "rtn.redeem.title"),
            Map.entry("history", "rtn.history.title"), Map.entry("referral", "rtn.referral.title"),
            Map.entry("recommendations", "rtn.reco.home"), Map.entry("nps-survey", "rtn.nps.title"),
            Map.entry("preferences", "rtn.prefs.title"), Map.entry("join-prompt", "rtn.join.title"));

    /** Accept-Language header, the language the widgets must pick, and its bundle suffix. */
    static final List<String[]> LANGUAGES = List.of(new String[] {"en-GB,en;q=0.8", "en", ""},
            new String[] {"pt-BR,pt;q=0.9", "pt-BR", "_pt_BR"}, new String[] {"ro-RO,ro;q=0.9", "ro", "_ro"},
            new String[] {"pl-PL,pl;q=0.9", "pl", "_pl"});

    @Autowired
    MockMvcTester mvc;

    static Stream<Arguments> everyFragmentInEveryLanguage() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] language : LANGUAGES) {
            FRAGMENTS.keySet().stream().sorted().forEach(fragment -> cases.add(Arguments.of(fragment, language[0],
                    language[1], language[2])));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {2}")
    @MethodSource("everyFragmentInEveryLanguage")
    void fragmentRendersALabelledShellInTheRequestsLanguage(String fragment, String acceptLanguage, String tag,
            String bundle) throws IOException {
        String html = render("/fragment/" + fragment, acceptLanguage);
        Properties texts = bundle(bundle);
        String title = texts.getProperty(FRAGMENTS.get(fragment));

        assertThat(html).contains("data-retention-widget=\"" + fragment + "\"").contains("lang=\"" + tag + "\"")
                .contains(">" + HtmlUtils.htmlEscape(title, "UTF-8") + "<")
                .contains("aria-live=\"polite\"").contains("aria-busy=\"true\"").doesNotContain("th:");
        if (!fragment.equals("points-badge")) {
            assertThat(html).as("a region named by its heading").containsPattern(
                    "aria-labelledby=\"([^\"]+)\"[\\s\\S]*<h2 class=\"rk-h\" id=\"\\1\"");
            assertThat(html).contains(">" + HtmlUtils.htmlEscape(texts.getProperty("rtn.loading"), "UTF-8") + "<");
        }
        if (!tag.equals("en")) {
            assertThat(title).as("translated, not the English fallback")
                    .isNotEqualTo(bundle("").getProperty(FRAGMENTS.get(fragment)));
        }
    }

    @Test
    void spotChecksOfNaturalWording() {
        assertThat(render("/fragment/loyalty-panel", "pl")).contains(">Twoje nagrody<").contains("Jak zdobywać punkty")
                .contains("Ładowanie…");
        assertThat(render("/fragment/loyalty-panel", "ro")).contains(">Recompensele tale<")
                .contains("Cum câștigi puncte");
        assertThat(render("/fragment/loyalty-panel", "pt-BR")).contains(">Suas recompensas<")
                .contains("Como ganhar pontos");
        assertThat(render("/fragment/loyalty-panel", "pt-PT")).as("any Portuguese gets pt-BR").contains("lang=\"pt-BR\"");
    }

    @Test
    void unsupportedLanguagesFallBackToEnglish() {
        assertThat(render("/fragment/referral", "de-DE,de;q=0.9")).contains("lang=\"en\"").contains(">Give a friend a treat<");
    }

    @Test
    void theHostsLanguageSwitchDecides() {
        assertThat(mvc.get().uri("/fragment/history?lang=ro").header("Accept-Language", "en")).hasStatusOk()
                .bodyText().contains("lang=\"ro\"").contains(">Istoricul punctelor<");
    }

    @Test
    void fragmentParametersBecomeDataAttributesAndAbsentOnesAreLeftOut() {
        String page = render("/", "en");
        assertThat(page).containsPattern("data-placement=\"product\" data-limit=\"4\"\\s+data-product-id=\"p-espresso\"")
                .contains("data-checkout-id=\"chk-42\" data-cart-total=\"59.90\" data-currency=\"EUR\"")
                .contains("data-token=\"tok-1\"")
                .containsPattern("data-api=\"/stub/retention/api\"\\s+data-join-url=\"/register\" data-sign-in-url=\"/login\"")
                .contains("<h2 class=\"rk-h\" id=\"rk-reco-cart-h\">Frequently bought together</h2>")
                .as("a list of cart products is joined with commas").contains("data-product-id=\"p-espresso,p-filter\"")
                .contains("<h2 class=\"rk-h\" id=\"rk-reco-product-h\">Customers also bought</h2>");
        assertThat(page).as("the home carousel has no product").containsPattern(
                "data-placement=\"home\" data-limit=\"5\"\\s*>");
        assertThat(page).as("a parameter not given falls back to the page model's attribute of that name")
                .contains("data-checkout-id=\"chk-42\" data-redeem-url=\"/cart\"");
        assertThat(page).as("the exit-intent prompt starts hidden, with its own heading id")
                .containsPattern("data-exit-intent=\"true\" hidden=\"hidden\"")
                .contains("id=\"rk-join-exit-h\"").contains("id=\"rk-join-h\"");
    }

    @Test
    void theEmbedIsServedToGuestsWithCaching() {
        assertThat(mvc.get().uri("/retention/widget/retention.js")).hasStatusOk()
                .hasHeader("Cache-Control", "max-age=3600, public")
                .bodyText().contains("data-retention-widget").doesNotContain("innerHTML");
        assertThat(mvc.get().uri("/retention/widget/retention.css")).hasStatusOk().bodyText().contains("--rk-accent");
    }

    private String render(String uri, String acceptLanguage) {
        var result = mvc.get().uri(uri).header("Accept-Language", acceptLanguage).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WidgetFragmentsTest.class.getResourceAsStream("/retention/messages" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
