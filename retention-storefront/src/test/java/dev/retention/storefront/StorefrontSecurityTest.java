package dev.retention.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// The probe stands in for the loyalty estimate (a guest path), so the real loyalty controllers stay off here.
@SpringBootTest(classes = StorefrontSecurityTest.Host.class,
        properties = {"retention.inbox.worker=false", "retention.loyalty.enabled=false"})
@AutoConfigureMockMvc
class StorefrontSecurityTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "storefront-security");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("c-17").password("{noop}pw").roles("USER").build());
        }

        @Bean
        ProbeController probeController(ShopperResolver shoppers) {
            return new ProbeController(shoppers);
        }
    }

    /** Stands in for a feature endpoint: answers with the shopper the resolver found. */
    @RestController
    static class ProbeController {
        private final ShopperResolver shoppers;

        ProbeController(ShopperResolver shoppers) {
            this.shoppers = shoppers;
        }

        @GetMapping("/retention/api/probe/me")
        Map<String, String> me(HttpServletRequest request) {
            return Map.of("customerId", shoppers.requireCustomerId(request));
        }

        @PostMapping("/retention/api/probe/me")
        Map<String, String> change(HttpServletRequest request, @RequestParam int points) {
            if (points < 0) {
                throw new IllegalArgumentException("points: must not be negative, was " + points);
            }
            return Map.of("customerId", shoppers.requireCustomerId(request));
        }

        @GetMapping("/retention/api/loyalty/estimate")
        Map<String, Boolean> guestAllowed(HttpServletRequest request) {
            return Map.of("guest", shoppers.customerId(request).isEmpty());
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void guestsGet401OnShopperEndpointsButMayUseGuestPaths() {
        assertThat(mvc.get().uri("/retention/api/probe/me")).hasStatus(401);
        assertThat(mvc.get().uri("/retention/api/loyalty/estimate")).hasStatusOk()
                .bodyJson().extractingPath("$.guest").isEqualTo(true);
    }

    @Test
    void theSignedInPrincipalIsTheShopper() {
        assertThat(mvc.get().uri("/retention/api/probe/me").with(httpBasic("c-17", "pw"))).hasStatusOk()
                .bodyJson().extractingPath("$.customerId").isEqualTo("c-17");
    }

    @Test
    void browserPostsNeedTheCsrfTokenScriptsWithBasicDoNot() {
        assertThat(mvc.post().uri("/retention/api/probe/me?points=1").with(user("c-17"))).hasStatus(403);
        assertThat(mvc.post().uri("/retention/api/probe/me?points=1").with(user("c-17")).with(csrf())).hasStatusOk();
        assertThat(mvc.post().uri("/retention/api/probe/me?points=1").with(httpBasic("c-17", "pw"))).hasStatusOk();
    }

    @Test
    void refusalsAreProblemDetailsNamingTheField() {
        assertThat(mvc.post().uri("/retention/api/probe/me?points=-5").with(httpBasic("c-17", "pw")))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.field").isEqualTo("points");
        assertThat(mvc.post().uri("/retention/api/probe/me?points=lots").with(httpBasic("c-17", "pw")))
                .hasStatus(400).bodyJson().extractingPath("$.field").isEqualTo("points");
        assertThat(mvc.post().uri("/retention/api/probe/me").with(httpBasic("c-17", "pw")))
                .hasStatus(400).bodyJson().extractingPath("$.field").isEqualTo("points");
    }
}
