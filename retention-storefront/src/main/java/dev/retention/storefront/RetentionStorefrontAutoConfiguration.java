package dev.retention.storefront;

import dev.retention.autoconfigure.RetentionEngageAutoConfiguration;
import dev.retention.autoconfigure.RetentionIngestAutoConfiguration;
import dev.retention.engage.EngagementTracking;
import dev.retention.engage.Unsubscribes;
import dev.retention.engage.web.MessageLinksController;
import dev.retention.engage.web.PreferencesController;
import dev.retention.feedback.Feedback;
import dev.retention.feedback.web.FeedbackController;
import java.time.Clock;
import dev.retention.storefront.widget.RetentionMessages;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shopper web layer: {@link ShopperResolver}, problem details and a security chain for {@code /retention/**}
 * (guest paths open, the rest for signed-in shoppers; HTTP Basic for scripts; CSRF on browser POSTs with the same
 * session token the host's pages carry), the widget texts ({@link RetentionMessages}) and the JS/CSS embed under
 * {@code /retention/widget/**}.
 */
@AutoConfiguration(after = {RetentionIngestAutoConfiguration.class, RetentionEngageAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "retention.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionStorefrontProperties.class)
public class RetentionStorefrontAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ShopperResolver retentionShopperResolver() {
        return new PrincipalShopperResolver();
    }

    @Bean
    @ConditionalOnMissingBean
    StorefrontProblemAdvice retentionStorefrontProblemAdvice() {
        return new StorefrontProblemAdvice();
    }

    /**
     * The widget texts for the Thymeleaf fragments ({@code templates/retention/widgets.html}); see
     * {@link RetentionMessages} for why this is not a second {@code MessageSource} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    RetentionMessages retentionMessages() {
        return new RetentionMessages();
    }

    /**
     * Serves the embed ({@code retention.js}, {@code retention.css}) under {@code /retention/widget/**} even when
     * the host turned Boot's default static resource mappings off.
     */
    @Bean
    @ConditionalOnMissingBean(name = "retentionWidgetResources")
    WebMvcConfigurer retentionWidgetResources() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/retention/widget/**")
                        .addResourceLocations("classpath:/static/retention/widget/")
                        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
            }
        };
    }

    /** Engagement links and preferences, when engagement is on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(EngagementTracking.class)
    static class EngageWeb {

        @Bean
        @ConditionalOnMissingBean
        MessageLinksController retentionMessageLinksController(EngagementTracking tracking) {
            return new MessageLinksController(tracking);
        }

        @Bean
        @ConditionalOnMissingBean
        PreferencesController retentionPreferencesController(Unsubscribes unsubscribes, ShopperResolver shoppers,
                Clock clock) {
            return new PreferencesController(unsubscribes, shoppers, clock);
        }
    }

    /** Survey answers by signed link, when feedback is on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(Feedback.class)
    static class FeedbackWeb {

        @Bean
        @ConditionalOnMissingBean
        FeedbackController retentionFeedbackController(Feedback feedback) {
            return new FeedbackController(feedback);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityFilterChain.class)
    @ConditionalOnBooleanProperty(name = "retention.storefront.security", matchIfMissing = true)
    static class StorefrontSecurity {

        @Bean
        @Order(20)
        @ConditionalOnMissingBean(name = "retentionStorefrontSecurityFilterChain")
        SecurityFilterChain retentionStorefrontSecurityFilterChain(HttpSecurity http,
                RetentionStorefrontProperties properties) throws Exception {
            String[] guest = properties.guestPaths().toArray(String[]::new);
            return http.securityMatcher("/retention/**")
                    .authorizeHttpRequests(requests -> requests.requestMatchers(guest).permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(
                            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                    // Scripts authenticate with HTTP Basic on every request and carry no session, so there is
                    // nothing to forge; browser calls (session cookie) still need the CSRF token.
                    // Signed message links (/retention/m/**) carry their own credential and are posted by mail
                    // clients (RFC 8058 one-click unsubscribe) without any session.
                    .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                            || request.getRequestURI().startsWith(request.getContextPath() + "/retention/m/")))
                    .build();
        }
    }
}
