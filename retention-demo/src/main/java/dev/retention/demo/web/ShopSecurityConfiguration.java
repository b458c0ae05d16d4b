package dev.retention.demo.web;

import dev.retention.demo.customer.Customer;
import dev.retention.demo.customer.Customers;
import dev.retention.storefront.ShopperResolver;
import java.security.Principal;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The shop's security: one form login at /login for shoppers (e-mail + password) and staff. Retention Kit's own
 * chains for /admin/retention/** (order 10) and /retention/** (order 20) come first and share the session, so one
 * sign-in works everywhere. The demo admin ({@code demo.admin.password}, on when seeding) has ADMIN and
 * RETENTION_ADMIN.
 */
@Configuration(proxyBeanMethods = false)
public class ShopSecurityConfiguration {

    public static final String ADMIN_USER = "admin";

    @Bean
    @Order(100)
    SecurityFilterChain shopSecurityFilterChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/account/**", "/checkout/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Shoppers from shop_customer by e-mail; the demo admin when {@code demo.admin.password} is set. */
    @Bean
    UserDetailsService shopUserDetailsService(Customers customers, PasswordEncoder passwords,
            @Value("${demo.admin.password:}") String adminPassword) {
        String adminHash = adminPassword.isBlank() ? null : passwords.encode(adminPassword);
        return username -> {
            if (ADMIN_USER.equals(username) && adminHash != null) {
                return User.withUsername(ADMIN_USER).password(adminHash).roles("ADMIN", "RETENTION_ADMIN").build();
            }
            Customer customer = customers.byEmail(username)
                    .orElseThrow(() -> new UsernameNotFoundException("No shopper " + username));
            return User.withUsername(customer.email()).password(customer.passwordHash()).roles("CUSTOMER").build();
        };
    }

    /**
     * How an integrator maps the signed-in user to the customer id in its events: here the login name is the
     * e-mail and the customer id is the shop's numeric id.
     */
    @Bean
    ShopperResolver shopperResolver(Customers customers) {
        return request -> customerOf(request.getUserPrincipal(), customers).map(String::valueOf);
    }

    public static Optional<Long> customerOf(Principal principal, Customers customers) {
        if (principal == null || principal instanceof AnonymousAuthenticationToken
                || ADMIN_USER.equals(principal.getName())) {
            return Optional.empty();
        }
        return customers.byEmail(principal.getName()).map(Customer::id);
    }
}
