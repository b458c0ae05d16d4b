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
     * Test fixtures with the JSON shapes of the analytics report API (dev.retention.analytics.web), so the browser
     * test sees the console draw KPI cards, a cohort heatmap and the RFM chart before that feature is on the
     * classpath. The other reports answer 404 here and must say "not available yet". (Registered as a member
     * class of this configuration.)
     */
    @RestController
    static class SampleReports {
        @GetMapping("/admin/retention/api/reports/kpis")
        Map<String, Object> kpis(@org.springframework.web.bind.annotation.RequestParam String from,
                @org.springframework.web.bind.annotation.RequestParam String to) {
            java.time.LocalDate start = java.time.LocalDate.parse(from);
            java.time.LocalDate end = java.time.LocalDate.parse(to);
            long days = java.time.temporal.ChronoUnit.DAYS.between(start, end);
            // Figures drift with the period so the sparklines have a shape.
            double t = end.toEpochDay() / 365.0;
            return Map.of("period", Map.of("from", start, "to", end),
                    "previousPeriod", Map.of("from", start.minusDays(days), "to", start),
                    "current", kpiFigures(t), "previous", kpiFigures(t - days / 365.0));
        }

        private static Map<String, Object> kpiFigures(double t) {
            double wave = Math.sin(t * 3);
            Map<String, Object> k = new java.util.LinkedHashMap<>();
            k.put("activeAtEnd", 1200 + Math.round(200 * wave));
            k.put("newCustomers", 310 + Math.round(40 * wave));
            k.put("retentionRate", 0.42 + 0.04 * wave);
            k.put("churnRate", 0.58 - 0.04 * wave);
            k.put("repeatRateInPeriod", 0.31 + 0.02 * wave);
            k.put("purchaseFrequency", 1.6 + 0.1 * wave);
            k.put("averageOrderValue", 48.5 + 3 * wave);
            k.put("historicalClv", 182.4 + 10 * wave);
            k.put("revenue", 92_000 + 8_000 * wave);
            k.put("customerAcquisitionCost", null);
            return k;
        }

        @GetMapping("/admin/retention/api/reports/cohorts")
        Map<String, Object> cohorts() {
            int[][] customers = {{120, 48, 36, 30, 27, 25}, {140, 60, 41, 35, 31}, {110, 39, 30, 26}, {160, 70, 52},
                {150, 58}, {170}};
            List<Map<String, Object>> cohorts = new java.util.ArrayList<>();
            for (int c = 0; c < customers.length; c++) {
                List<Map<String, Object>> cells = new java.util.ArrayList<>();
                for (int m = 0; m < customers[c].length; m++) {
                    cells.add(Map.of("monthOffset", m, "customers", customers[c][m],
                            "retention", Math.round(1000.0 * customers[c][m] / customers[c][0]) / 1000.0,
                            "revenue", customers[c][m] * 47));
                }
                cohorts.add(Map.of("month", "2025-" + String.format("%02d", 7 + c), "customers", customers[c][0],
                        "cells", cells));
            }
            return Map.of("period", Map.of("from", "2025-07-01", "to", "2026-01-01"), "cohorts", cohorts);
        }

        @GetMapping("/admin/retention/api/reports/rfm")
        Map<String, Object> rfm() {
            Object[][] segments = {{"CHAMPIONS", 120, 4.8, 4.6}, {"LOYAL", 210, 3.9, 4.1}, {"POTENTIAL_LOYALISTS", 180, 4.4, 2.6},
                {"NEW", 90, 4.9, 1.0}, {"NEED_ATTENTION", 75, 3.0, 3.0}, {"AT_RISK", 140, 1.8, 3.9},
                {"HIBERNATING", 160, 1.6, 1.7}, {"LOST", 220, 1.1, 1.2}};
            List<Map<String, Object>> sizes = new java.util.ArrayList<>();
            for (Object[] s : segments) {
                sizes.add(Map.of("segment", s[0], "customers", s[1], "share", ((Integer) s[1]) / 1195.0,
                        "revenue", ((Integer) s[1]) * 61, "averageRecencyScore", s[2], "averageFrequencyScore",
                        s[3], "averageMonetaryScore", 3.0));
            }
            return Map.of("run", Map.of("runId", 2, "computedAt", "2026-01-10T03:00:00Z", "customers", 1195),
                    "segments", sizes,
                    "moves", List.of(Map.of("from", "LOYAL", "to", "AT_RISK", "customers", 14),
                            Map.of("from", "NEW", "to", "POTENTIAL_LOYALISTS", "customers", 22)));
        }
    }
}
