package dev.retention.storefront;

import dev.retention.autoconfigure.RetentionIngestAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The shopper web layer: {@link ShopperResolver}, problem details and a security chain for {@code /retention/**}
 * (guest paths open, the rest for signed-in shoppers; HTTP Basic for scripts; CSRF on browser POSTs with the same
 * session token the host's pages carry).
 */
@AutoConfiguration(after = RetentionIngestAutoConfiguration.class)
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
                    .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                    .build();
        }
    }
}
