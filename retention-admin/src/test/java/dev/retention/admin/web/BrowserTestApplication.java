package dev.retention.admin.web;

import dev.retention.feedback.Feedback;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.RetentionEvent;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJob;
import dev.retention.ingest.RetentionJobs;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
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
    ApplicationRunner seed(RetentionEvents events, Inbox inbox, ObjectProvider<RetentionJobs> jobProvider,
            ObjectProvider<Feedback> feedback) {
        return args -> {
            Instant start = NOW.minus(Duration.ofDays(420));
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
            // A shop's worth of history: 150 customers over fourteen months, some of whom come back.
            java.util.Random random = new java.util.Random(7);
            String[] channels = {"organic", "paid-social", "email", "referral"};
            for (int c = 0; c < 150; c++) {
                String id = "c" + c;
                Instant first = start.plus(Duration.ofDays(random.nextInt(400)));
                events.publish(new CustomerRegistered(id + "-reg", first.minus(Duration.ofHours(1)), id,
                        id + "@example.com", "Customer " + c, Locale.ENGLISH, ZoneId.of("UTC"), null, true,
                        channels[c % channels.length], null));
                // Each customer buys at their own pace and may drop out after any order (what BG/NBD assumes).
                double meanGapDays = 7 + random.nextInt(180);
                Instant at = first;
                for (int n = 0; at.isBefore(NOW); n++) {
                    events.publish(Events.placed(id, id + "-o" + n, String.valueOf(20 + random.nextInt(120)), at));
                    if (random.nextDouble() < 0.25) {
                        break;
                    }
                    at = at.plus(Duration.ofHours(1 + (long) (-Math.log(1 - random.nextDouble()) * meanGapDays * 24)));
                }
            }
            events.publish(new ReviewSubmitted("review-poison-1", NOW.minus(Duration.ofDays(1)), "ana", "review-1",
                    "poison-mug", 2, true));
            inbox.drain();
            // A detractor whose NPS comment is the XSS probe.
            feedback.ifAvailable(f -> f.answer(f.invite("xss", "xss-o0", NOW.minus(Duration.ofDays(5))), 3, null,
                    null, PROBE));
            // Looked up only now: the jobs (recommendation training among them) read tables the migration creates.
            RetentionJobs jobs = jobProvider.getObject();
            for (RetentionJobs.JobStatus job : jobs.statuses()) {
                if (job.name().startsWith("analytics.")) {
                    jobs.runBlocking(job.name());
                }
            }
        };
    }
}
