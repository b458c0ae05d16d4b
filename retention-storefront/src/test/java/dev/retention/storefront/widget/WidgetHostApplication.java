package dev.retention.storefront.widget;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * A stand-in host shop for the widget tests: Thymeleaf pages that include every fragment, a form login with one
 * shopper ({@code ana}/{@code pw}), CSRF on (the session token in {@code <meta name="_csrf">}), {@code ?lang=}
 * switching, and {@link StubShopperApi} answering the HTTP contract under {@code /stub/retention/api}, so the widgets
 * are tested without the feature back ends (and never collide with their real endpoints). No database.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@Import(StubShopperApi.class)
public class WidgetHostApplication {

    /**
     * The real feature endpoints stay off (they need the database this host does not have): loyalty's are switched
     * by property, the others back off without their services.
     */
    static final String WITHOUT_FEATURE_BACK_ENDS = "retention.loyalty.enabled=false";

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("ana").password("{noop}pw").roles("USER").build());
    }

    @Bean
    @Order(50)
    SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(form -> form.defaultSuccessUrl("/", true))
                .build();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("host-lang");
        return resolver;
    }

    @Bean
    WebMvcConfigurer languageSwitch() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor languageParameter = new LocaleChangeInterceptor();
                languageParameter.setParamName("lang");
                registry.addInterceptor(languageParameter);
            }
        };
    }

    /** The host's pages: one with every widget, and one per fragment for the template tests (a nested component). */
    @Controller
    static class HostPages {

        @GetMapping("/")
        String everyWidget(Model model) {
            model.addAttribute("pageProductId", "p-espresso");
            model.addAttribute("checkoutId", "chk-42");
            model.addAttribute("cartTotal", "59.90");
            model.addAttribute("cartProductIds", java.util.List.of("p-espresso", "p-filter"));
            return "widget-host";
        }

        /** Product pictures: a plain square per product, so the carousel loads real images. */
        @GetMapping(value = "/stub/img/{id}.svg", produces = "image/svg+xml")
        @ResponseBody
        String picture(@PathVariable String id) {
            int hue = Math.floorMod(id.hashCode(), 360);
            return "<svg xmlns='http://www.w3.org/2000/svg' width='160' height='160'><rect width='160' height='160'"
                    + " fill='hsl(" + hue + ",45%,80%)'/></svg>";
        }

        @GetMapping("/fragment/{name}")
        String oneFragment(@PathVariable String name, Model model) {
            model.addAttribute("name", name);
            return "fragment-host";
        }
    }
}
