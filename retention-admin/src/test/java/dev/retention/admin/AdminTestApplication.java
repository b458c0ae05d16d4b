package dev.retention.admin;

import dev.retention.testing.MutableClock;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** A host with an admin and a shopper, and Retention Kit's admin module. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AdminTestApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("admin").password("{noop}admin").roles("ADMIN", "RETENTION_ADMIN").build(),
                User.withUsername("shopper").password("{noop}shopper").roles("USER").build());
    }
}
