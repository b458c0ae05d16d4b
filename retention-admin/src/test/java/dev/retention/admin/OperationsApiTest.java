package dev.retention.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.retention.audit.AuditLog;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.InboxStatus;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.ingest.RetentionEvents;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@Tag("db")
@SpringBootTest(classes = {AdminTestApplication.class, OperationsApiTest.FailingReviews.class},
        properties = {"retention.inbox.worker=false", "retention.inbox.max-attempts=1"})
@AutoConfigureMockMvc
class OperationsApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "admin-ops");
    }

    /** Fails every review of a product named "poison...", so events get parked. */
    @TestConfiguration
    static class FailingReviews {
        @Bean
        RetentionEventHandler poisonHandler() {
            return new RetentionEventHandler() {
                @Override
                public boolean handles(Class<? extends dev.retention.host.RetentionEvent> type) {
                    return type == ReviewSubmitted.class;
                }

                @Override
                public void handle(dev.retention.host.RetentionEvent event) {
                    if (((ReviewSubmitted) event).productId().startsWith("poison")) {
                        throw new IllegalStateException("review service down");
                    }
                }
            };
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RetentionEvents events;
    @Autowired
    Inbox inbox;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;

    @Test
    void anonymousScriptsGet401AndBrowsersAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/admin/retention/api/inbox")).hasStatus(401);
        assertThat(mvc.get().uri("/admin/retention").accept(MediaType.TEXT_HTML)).hasStatus(302)
                .headers().hasValue("Location", "/login");
    }

    @Test
    void shoppersAreForbidden() {
        assertThat(mvc.get().uri("/admin/retention/api/inbox").with(httpBasic("shopper", "shopper"))).hasStatus(403);
        assertThat(mvc.get().uri("/admin/retention/api/jobs").with(user("shopper").roles("USER"))).hasStatus(403);
    }

    @Test
    void adminsSeeInboxHealthOverHttpBasic() {
        assertThat(mvc.get().uri("/admin/retention/api/inbox?status=parked").with(httpBasic("admin", "admin")))
                .hasStatusOk()
                .bodyJson().hasPathSatisfying("$.stats.parked", v -> v.assertThat().isNotNull())
                .extractingPath("$.status").isEqualTo("parked");
    }

    @Test
    void badStatusIsA400ProblemNamingTheParameter() {
        assertThat(mvc.get().uri("/admin/retention/api/inbox?status=lost").with(httpBasic("admin", "admin")))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.field").isEqualTo("status");
        assertThat(mvc.get().uri("/admin/retention/api/inbox?page=x").with(httpBasic("admin", "admin")))
                .hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("page");
    }

    @Test
    void parkedEventIsListedAndRetriedWithAnAuditEntry() {
        String id = TestDatabase.uniquePrefix();
        events.publish(new ReviewSubmitted(id + "rv", clock.instant().minus(Duration.ofDays(1)), id + "c", id + "r",
                "poison-" + id, 2, true));
        inbox.drain();
        assertThat(inbox.find(id + "rv")).get().extracting(e -> e.status()).isEqualTo(InboxStatus.PARKED);

        assertThat(mvc.get().uri("/admin/retention/api/inbox?status=parked&size=500").with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyText().contains(id + "rv").contains("review service down");

        assertThat(mvc.post().uri("/admin/retention/api/inbox/{id}/retry", id + "rv")
                .with(user("admin").roles("RETENTION_ADMIN"))).as("browser POST without CSRF token").hasStatus(403);
        assertThat(mvc.post().uri("/admin/retention/api/inbox/{id}/retry", id + "rv")
                .with(user("admin").roles("RETENTION_ADMIN")).with(csrf()))
                .hasStatus(202).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
        assertThat(audit.list("inbox-event", id + "rv", 0, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.action()).isEqualTo("retry");
            assertThat(entry.before()).contains("review service down");
        });

        assertThat(mvc.post().uri("/admin/retention/api/inbox/{id}/retry", id + "rv").with(httpBasic("admin", "admin")))
                .as("only parked events can be retried").hasStatus(409)
                .bodyJson().extractingPath("$.field").isEqualTo("eventId");
        assertThat(mvc.post().uri("/admin/retention/api/inbox/{id}/retry", "nope-" + id).with(httpBasic("admin",
                "admin"))).hasStatus(404);
    }

    @Test
    void adminErasesAndExportsACustomer() {
        String id = TestDatabase.uniquePrefix() + "dee";
        events.publish(Events.registered(id, clock.instant().minus(Duration.ofDays(2))));
        inbox.drain();

        assertThat(mvc.get().uri("/admin/retention/api/customers/{id}/export", id).with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson().extractingPath("$.profile.email").isEqualTo(id + "@example.com");
        assertThat(mvc.post().uri("/admin/retention/api/customers/{id}/erase", id).with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson().extractingPath("$.requestedBy").isEqualTo("admin");
        assertThat(mvc.get().uri("/admin/retention/api/customers/{id}/export", id).with(httpBasic("admin", "admin")))
                .hasStatusOk().bodyJson().extractingPath("$.profile.email").isNull();
        assertThat(mvc.get().uri("/admin/retention/api/audit?entity=customer&entityId={id}", id)
                .with(httpBasic("admin", "admin"))).hasStatusOk().bodyText().contains("\"erase\"")
                .contains("\"export\"");
    }

    @Test
    void unknownJobIsA404Problem() {
        assertThat(mvc.post().uri("/admin/retention/api/jobs/teleport/run").with(httpBasic("admin", "admin")))
                .hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
