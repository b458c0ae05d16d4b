package dev.retention.admin.web;

import dev.retention.host.CustomerRegistered;
import dev.retention.host.RetentionEvent;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJob;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small host for the browser test: form login at {@code /login} for the whole site (Retention Kit's admin chain
 * sends browsers there), an admin and a shopper, a few customers and orders, a parked event and an on-demand job.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BrowserTestApplication {

    static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    static final String PROBE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    @Bean
    MutableClock clock() {
        return new MutableClock(NOW);
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("admin").password("{noop}admin").roles("ADMIN", "RETENTION_ADMIN").build(),
                User.withUsername("shopper").password("{noop}shopper").roles("USER").build());
    }

    /** The host's own chain: everything outside /admin/retention/** is public, with Spring's login form. */
    @Bean
    @Order(100)
    SecurityFilterChain hostSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    /** Fails reviews of "poison" products, so one event is parked for the operations page. */
    @Bean
    RetentionEventHandler reviewsDown() {
        return new RetentionEventHandler() {
            @Override
            public boolean handles(Class<? extends RetentionEvent> type) {
                return type == ReviewSubmitted.class;
            }

            @Override
            public void handle(RetentionEvent event) {
                if (((ReviewSubmitted) event).productId().startsWith("poison")) {
                    throw new IllegalStateException("review service down");
                }
            }
        };
    }

    @Bean
    RetentionJob recomputeSegments() {
        return new RetentionJob() {
            @Override
            public String name() {
                return "recompute-segments";
            }

            @Override
            public Duration interval() {
                return Duration.ZERO;
            }

            @Override
            public long run(JobProgress progress) {
                for (int i = 1; i <= 4; i++) {
                    progress.update(i, 4);
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return i;
                    }
                }
                return 4;
            }
        };
    }

    @Bean
    ApplicationRunner seed(RetentionEvents events, Inbox inbox) {
        return args -> {
            Instant start = NOW.minus(Duration.ofDays(200));
            String[][] people = {{"ana", "Ana Lima"}, {"rui", "Rui Costa"}, {"eva", "Eva Nowak"},
                {"ion", "Ion Popescu"}, {"xss", PROBE}};
            for (int i = 0; i < people.length; i++) {
                String id = people[i][0];
                events.publish(new CustomerRegistered(id + "-reg", start.plus(Duration.ofDays(i)), id,
                        id + "@example.com", people[i][1], Locale.ENGLISH, ZoneId.of("Europe/Lisbon"), null, true,
                        "organic", null));
                for (int n = 0; n <= i; n++) {
                    Instant at = start.plus(Duration.ofDays(10 + 30L * n + i));
                    events.publish(Events.placed(id, id + "-o" + n, String.valueOf(25 + 10 * n + i), at));
                    events.publish(Events.completed(id, id + "-o" + n, at.plus(Duration.ofDays(2))));
                }
            }
            events.publish(new ReviewSubmitted("review-poison-1", NOW.minus(Duration.ofDays(1)), "ana", "review-1",
                    "poison-mug", 2, true));
            inbox.drain();
        };
    }

    /**
     * Test fixtures shaped like the analytics report API, so the browser test sees the console draw KPI cards, a
     * cohort heatmap and an RFM grid. The other reports answer 404 here and must say "not available yet".
     * (Registered as a member class of this configuration.)
     */
    @RestController
    static class SampleReports {
        @GetMapping("/admin/retention/api/reports/kpis")
        Map<String, Object> kpis() {
            return Map.of("kpis", List.of(
                    Map.of("key", "retentionRate", "label", "Retention rate", "value", 0.42, "previous", 0.38,
                            "series", List.of(0.35, 0.37, 0.38, 0.40, 0.42)),
                    Map.of("key", "churnRate", "label", "Churn", "value", 0.58, "previous", 0.62,
                            "series", List.of(0.65, 0.63, 0.62, 0.60, 0.58)),
                    Map.of("key", "aov", "label", "Average order value", "value", 48.5, "previous", 45.1,
                            "series", List.of(44, 45, 46, 47, 48.5)),
                    Map.of("key", "repeatPurchaseRate", "label", "Repeat purchase rate", "value", 0.31,
                            "previous", 0.29, "series", List.of(0.27, 0.28, 0.29, 0.30, 0.31))));
        }

        @GetMapping("/admin/retention/api/reports/cohorts")
        Map<String, Object> cohorts() {
            return Map.of("cohorts", List.of(
                    Map.of("cohort", "2025-07", "customers", List.of(120, 48, 36, 30, 27, 25)),
                    Map.of("cohort", "2025-08", "customers", List.of(140, 60, 41, 35, 31)),
                    Map.of("cohort", "2025-09", "customers", List.of(110, 39, 30, 26)),
                    Map.of("cohort", "2025-10", "customers", List.of(160, 70, 52)),
                    Map.of("cohort", "2025-11", "customers", List.of(150, 58)),
                    Map.of("cohort", "2025-12", "customers", List.of(170))));
        }

        @GetMapping("/admin/retention/api/reports/rfm")
        Map<String, Object> rfm() {
            List<Map<String, Object>> cells = new java.util.ArrayList<>();
            String[] names = {"Lost", "Hibernating", "At risk", "Need attention", "Champions"};
            for (int r = 1; r <= 5; r++) {
                for (int f = 1; f <= 5; f++) {
                    cells.add(Map.of("recency", r, "frequency", f, "customers", 5 + r * f * 3,
                            "segment", names[Math.min(4, (r + f) / 2 - 1)]));
                }
            }
            return Map.of("cells", cells);
        }
    }
}
