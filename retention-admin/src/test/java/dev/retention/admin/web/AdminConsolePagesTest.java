package dev.retention.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.retention.admin.AdminTestApplication;
import dev.retention.audit.AuditLog;
import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.web.CustomerAdminController;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.InboxStatus;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJob;
import dev.retention.ingest.RetentionJobs;
import dev.retention.privacy.PrivacyService;
import dev.retention.recommend.Placement;
import dev.retention.recommend.RecommendationFeedback;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag("db")
@SpringBootTest(classes = {AdminTestApplication.class, AdminConsolePagesTest.Host.class},
        properties = {"retention.inbox.worker=false", "retention.inbox.max-attempts=1"})
@AutoConfigureMockMvc
class AdminConsolePagesTest {

    static final String PROBE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "admin-pages");
    }

    /** A host with a failing review handler (to park events), one job, and one installed report endpoint. */
    @TestConfiguration
    static class Host {
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
                        throw new IllegalStateException("review service down for " + event.customerId());
                    }
                }
            };
        }

        @Bean
        RetentionJob countingJob() {
            return new RetentionJob() {
                @Override
                public String name() {
                    return "count-things";
                }

                @Override
                public Duration interval() {
                    return Duration.ZERO;
                }

                @Override
                public long run(JobProgress progress) {
                    progress.update(3, 3);
                    return 3;
                }
            };
        }

        @Bean
        InstalledReport installedReport() {
            return new InstalledReport();
        }

        /** A feature's section of the customer 360 view. */
        @Bean
        CustomerAdminController.CustomerInsight segmentInsight() {
            return new CustomerAdminController.CustomerInsight() {
                @Override
                public String section() {
                    return "segment";
                }

                @Override
                public Object describe(String customerId) {
                    return customerId.endsWith("cv") ? Map.of("name", "Champions") : null;
                }
            };
        }
    }

    /** Stands in for a feature's report controller, to see the console notice it. */
    @RestController
    static class InstalledReport {
        @GetMapping("/admin/retention/api/reports/referrals")
        Map<String, Object> referrals() {
            return Map.of("steps", java.util.List.of(Map.of("step", "invited", "count", 3)));
        }
    }

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "RETENTION_ADMIN");
    static final RequestPostProcessor SHOPPER = user("shopper").roles("USER");

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
    @Autowired
    RetentionJobs jobs;
    @Autowired
    CustomerProfiles profiles;
    @Autowired
    PrivacyService privacy;
    @Autowired
    RecommendationFeedback feedback;

    @ParameterizedTest
    @ValueSource(strings = {"/admin/retention", "/admin/retention/cohorts", "/admin/retention/rfm",
        "/admin/retention/clv", "/admin/retention/loyalty", "/admin/retention/campaigns", "/admin/retention/referrals",
        "/admin/retention/nps", "/admin/retention/recommendations", "/admin/retention/drivers",
        "/admin/retention/model-check", "/admin/retention/customers", "/admin/retention/settings",
        "/admin/retention/operations", "/admin/retention/audit"})
    void everyPageRendersForAnAdminAndIsRefusedToOthers(String page) {
        assertThat(mvc.get().uri(page).with(ADMIN)).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText().contains("Retention Kit").contains("Operations").contains("Audit trail")
                .contains("/admin/retention/assets/admin.js");
        assertThat(mvc.get().uri(page).accept(MediaType.TEXT_HTML)).as("anonymous").hasStatus(302)
                .headers().hasValue("Location", "/login");
        assertThat(mvc.get().uri(page).with(SHOPPER)).as("shopper").hasStatus(403);
    }

    @Test
    void customerViewRendersForAnAdminOnly() {
        String id = customer("Ana Lima");
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(ADMIN)).hasStatusOk()
                .bodyText().contains("Ana Lima").contains(id + "@example.com");
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id)).hasStatus(302);
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(SHOPPER)).hasStatus(403);
    }

    @Test
    void consoleScriptsAndWebjarsAreServedBehindTheAdminChain() {
        assertThat(mvc.get().uri("/admin/retention/webjars/chart.js/dist/chart.umd.min.js").with(ADMIN))
                .hasStatusOk().bodyText().contains("Chart");
        assertThat(mvc.get().uri("/admin/retention/webjars/bootstrap/css/bootstrap.min.css").with(ADMIN))
                .hasStatusOk();
        assertThat(mvc.get().uri("/admin/retention/assets/admin.js").with(ADMIN)).hasStatusOk()
                .bodyText().contains("textContent").doesNotContain("innerHTML");
        assertThat(mvc.get().uri("/admin/retention/assets/admin.js").with(SHOPPER)).hasStatus(403);
    }

    @Test
    void reportPagesCarryTheFilterToTheApiAndTheNav() {
        assertThat(mvc.get().uri("/admin/retention/cohorts?from=2025-01-01&to=2025-07-01&segment=At risk")
                .with(ADMIN)).hasStatusOk().bodyText()
                .contains("data-src=\"/admin/retention/api/reports/cohorts?from=2025-01-01&amp;to=2025-07-01"
                        + "&amp;segment=At%20risk\"")
                .contains("href=\"/admin/retention/rfm?from=2025-01-01&amp;to=2025-07-01&amp;segment=At%20risk\"")
                .contains("value=\"2025-01-01\"").contains("value=\"At risk\"");
    }

    @Test
    void reportFilterDefaultsToTheLastTwelveMonthsOfTheBusinessClock() {
        assertThat(mvc.get().uri("/admin/retention").with(ADMIN)).hasStatusOk().bodyText()
                .contains("api/reports/kpis?from=2025-01-11&amp;to=2026-01-11");
    }

    @Test
    void badFilterIsExplainedOnThePage() {
        assertThat(mvc.get().uri("/admin/retention/rfm?from=yesterday").with(ADMIN)).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText().contains("from: must be a date like 2026-01-31, was &#39;yesterday&#39;");
        assertThat(mvc.get().uri("/admin/retention/rfm?from=2026-02-01&to=2026-01-01").with(ADMIN)).hasStatus(400)
                .bodyText().contains("from: must be before to");
    }

    @Test
    void pagesKnowWhichReportEndpointsAreInstalled() {
        assertThat(mvc.get().uri("/admin/retention/referrals").with(ADMIN)).hasStatusOk().bodyText()
                .contains("data-report=\"referrals\"").contains("data-installed=\"true\"");
        assertThat(mvc.get().uri("/admin/retention/loyalty").with(ADMIN)).hasStatusOk().bodyText()
                .contains("data-installed=\"false\"");
        assertThat(mvc.get().uri("/admin/retention/operations").with(ADMIN)).hasStatusOk().bodyText()
                .contains("Referrals").contains("not installed yet (/admin/retention/api/reports/loyalty)")
                .contains("event types published").contains("Port catalog");
    }

    @Test
    void recommendationsPageDrawsTheRecommendationFeaturesReport() throws Exception {
        String session = TestDatabase.uniquePrefix();
        Instant at = clock.instant().minus(Duration.ofDays(2));
        feedback.record(RecommendationFeedback.Kind.IMPRESSION, Placement.PRODUCT, java.util.List.of("p1", "p2", "p3"),
                null, session, at);
        feedback.record(RecommendationFeedback.Kind.CLICK, Placement.PRODUCT, java.util.List.of("p2"), null, session,
                at);
        String page = mvc.get().uri("/admin/retention/recommendations").with(ADMIN).exchange().getResponse()
                .getContentAsString();
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("data-src=\"([^\"]+)\"").matcher(page);
        assertThat(src.find()).isTrue();
        String url = src.group(1).replace("&amp;", "&");
        assertThat(url).startsWith("/admin/retention/api/recommendations/report?from=2025-01-11&to=2026-01-11");
        assertThat(page).contains("data-csv=\"false\"").contains("data-installed=\"true\"");
        // The shape the page's script reads: placements with impressions, clicks, click-through, revenue; a total.
        assertThat(mvc.get().uri(java.net.URI.create(url)).with(ADMIN)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.placements[?(@.placement == 'PRODUCT')].impressions")
                    .asArray().singleElement().satisfies(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(3));
            assertThat(json).hasPathSatisfying("$.placements[0].clickThroughRate", v -> v.assertThat().isNotNull());
            assertThat(json).hasPathSatisfying("$.placements[0].attributedRevenue", v -> v.assertThat().isNotNull());
            assertThat(json).hasPathSatisfying("$.total.impressions", v -> v.assertThat().isNotNull());
        });
    }

    @Test
    void settingsPageHasAFormForEveryInstalledSection() {
        assertThat(mvc.get().uri("/admin/retention/settings").with(ADMIN)).hasStatusOk().bodyText()
                .contains("data-src=\"/admin/retention/api/settings/loyalty\"")
                .contains("data-src=\"/admin/retention/api/settings/tiers\"")
                .contains("data-src=\"/admin/retention/api/settings/flows\"")
                .contains("data-src=\"/admin/retention/api/settings/reporting\"")
                .contains("data-src=\"/admin/retention/api/settings/spend\"")
                .contains("href=\"/admin/retention/audit?entity=settings&amp;entityId=reporting\"");
    }

    @Test
    void parkedEventIsRetriedFromTheOperationsPageWithAnAuditEntry() {
        String id = TestDatabase.uniquePrefix();
        events.publish(new ReviewSubmitted(id + "rv", clock.instant().minus(Duration.ofDays(1)), id + "c", id + "r",
                "poison-" + id, 2, true));
        inbox.drain();

        assertThat(mvc.get().uri("/admin/retention/operations?status=parked").with(ADMIN)).hasStatusOk().bodyText()
                .contains(id + "rv").contains("review service down")
                .contains("action=\"/admin/retention/operations/inbox/" + id + "rv/retry\"")
                .containsPattern("name=\"_csrf\" value=\"[^\"]+\"");

        assertThat(mvc.post().uri("/admin/retention/operations/inbox/{id}/retry", id + "rv").with(ADMIN))
                .as("form without CSRF token").hasStatus(403);
        assertThat(inbox.find(id + "rv")).get().extracting(e -> e.status()).isEqualTo(InboxStatus.PARKED);

        assertThat(mvc.post().uri("/admin/retention/operations/inbox/{id}/retry", id + "rv").with(ADMIN).with(csrf()))
                .hasStatus(302).hasRedirectedUrl("/admin/retention/operations")
                .flash().containsKey("notice");
        assertThat(inbox.find(id + "rv")).get().extracting(e -> e.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(audit.list("inbox-event", id + "rv", 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("admin"));
        assertThat(mvc.get().uri("/admin/retention/audit?entity=inbox-event&entityId={id}", id + "rv").with(ADMIN))
                .hasStatusOk().bodyText().contains("retry").contains("review service down");

        assertThat(mvc.post().uri("/admin/retention/operations/inbox/{id}/retry", id + "rv").with(ADMIN).with(csrf()))
                .as("only parked events").hasStatus(302).flash().containsKey("error");
    }

    @Test
    void runNowStartsTheJobAndTheRunShowsOnThePage() {
        assertThat(mvc.post().uri("/admin/retention/operations/jobs/count-things/run").with(ADMIN))
                .as("no CSRF token").hasStatus(403);
        assertThat(mvc.post().uri("/admin/retention/operations/jobs/count-things/run").with(ADMIN).with(csrf()))
                .hasStatus(302).hasRedirectedUrl("/admin/retention/operations?watch=count-things#jobs");
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.lastRun("count-things").isPresent()
                && jobs.lastRun("count-things").get().finishedAt() != null);
        assertThat(mvc.get().uri("/admin/retention/operations?watch=count-things").with(ADMIN)).hasStatusOk()
                .bodyText().contains("data-job=\"count-things\"").contains("SUCCEEDED")
                .contains("data-watch=\"count-things\"");
        assertThat(audit.list("job", "count-things", 0, 10)).isNotEmpty();
        assertThat(mvc.post().uri("/admin/retention/operations/jobs/teleport/run").with(ADMIN).with(csrf()))
                .hasStatus(302).flash().containsKey("error");
    }

    @Test
    void customersAreFoundByEmailNameOrIdAndPaged() {
        String prefix = TestDatabase.uniquePrefix();
        for (int i = 0; i < 30; i++) {
            register(prefix + "pg" + String.format(Locale.ROOT, "%02d", i), "Paged Person " + i);
        }
        assertThat(mvc.get().uri("/admin/retention/customers?q={q}", prefix + "pg").with(ADMIN)).hasStatusOk()
                .bodyText().contains(prefix + "pg00").contains(prefix + "pg24").doesNotContain(prefix + "pg25")
                .contains("rel=\"next\"").contains("page=1");
        assertThat(mvc.get().uri("/admin/retention/customers?q={q}&page=1", prefix + "pg").with(ADMIN)).hasStatusOk()
                .bodyText().contains(prefix + "pg25").contains(prefix + "pg29").doesNotContain(prefix + "pg24<");
        assertThat(mvc.get().uri("/admin/retention/customers?q={q}", prefix + "pg07@EXAMPLE").with(ADMIN))
                .hasStatusOk().bodyText().contains(prefix + "pg07");
        assertThat(mvc.get().uri("/admin/retention/customers?q=nobody-{q}", prefix).with(ADMIN)).hasStatusOk()
                .bodyText().contains("No customer matches");
    }

    @Test
    void customerViewShowsOrdersSummaryExportLinkAndAuditEntries() {
        String id = customer("Rui Costa");
        Instant at = clock.instant().minus(Duration.ofDays(30));
        events.publish(Events.placed(id, id + "-o1", "40.00", at));
        events.publish(Events.placed(id, id + "-o2", "60.00", at.plus(Duration.ofDays(3))));
        events.publish(Events.refunded(id, id + "-o2", id + "-rf", "10.00", at.plus(Duration.ofDays(5))));
        inbox.drain();
        audit.record("admin", "customer", id, "export", null, null, null);

        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(ADMIN)).hasStatusOk().bodyText()
                .contains(id + "-o1").contains(id + "-o2")
                .contains("90.00 EUR").contains("45.00")
                .contains("href=\"/admin/retention/api/customers/" + id + "/export\"")
                .contains("export");
    }

    @Test
    void customerApiSearchesAndGivesThe360ViewWithFeatureSections() {
        String id = customer("Lia Search");
        events.publish(Events.placed(id, id + "-o1", "30.00", clock.instant().minus(Duration.ofDays(5))));
        inbox.drain();
        assertThat(mvc.get().uri("/admin/retention/api/customers?q={q}", id).with(ADMIN)).hasStatusOk()
                .bodyJson().extractingPath("$[0].customerId").isEqualTo(id);
        assertThat(mvc.get().uri("/admin/retention/api/customers?q=x&limit=0").with(ADMIN)).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("limit");
        assertThat(mvc.get().uri("/admin/retention/api/customers/{id}", id).with(ADMIN)).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.profile.displayName").isEqualTo("Lia Search");
                    assertThat(json).extractingPath("$.orders.orders").isEqualTo(1);
                    assertThat(json).extractingPath("$.orders.revenue").isEqualTo(30.0);
                    assertThat(json).extractingPath("$.segment.name").isEqualTo("Champions");
                });
        assertThat(mvc.get().uri("/admin/retention/api/customers/nobody-{id}", id).with(ADMIN)).hasStatus(404);
        assertThat(mvc.get().uri("/admin/retention/api/customers/{id}", id).with(SHOPPER)).hasStatus(403);
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(ADMIN)).hasStatusOk().bodyText()
                .contains("data-src=\"/admin/retention/api/customers/" + id + "\"");
    }

    @Test
    void customerViewCarriesTheRfmSegmentOnceScored() {
        String id = customer("Rita Scored");
        events.publish(Events.placed(id, id + "-o1", "80.00", clock.instant().minus(Duration.ofDays(20))));
        events.publish(Events.placed(id, id + "-o2", "90.00", clock.instant().minus(Duration.ofDays(4))));
        inbox.drain();
        assertThat(jobs.runBlocking("analytics.rfm")).isPresent();
        assertThat(mvc.get().uri("/admin/retention/api/customers/{id}", id).with(ADMIN)).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).hasPathSatisfying("$.rfm.segment", v -> v.assertThat().isNotNull());
                    assertThat(json).extractingPath("$.rfm.frequency").isNotNull();
                    assertThat(json).hasPath("$.prediction");
                });
    }

    @Test
    void customerViewOffersTheLoyaltyAccountAndAnAuditedAdjustment() {
        String id = customer("Lou Points");
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(ADMIN)).hasStatusOk().bodyText()
                .contains("data-src=\"/admin/retention/api/loyalty/accounts/" + id + "\"")
                .contains("class=\"row g-2 mt-2 rk-adjust\"")
                .contains("data-src=\"/admin/retention/api/loyalty/accounts/" + id + "/adjustments\"");
        String body = "{\"points\": 50, \"reason\": \"goodwill\"}";
        assertThat(mvc.post().uri("/admin/retention/api/loyalty/accounts/{id}/adjustments", id).with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content(body)).as("no CSRF token").hasStatus(403);
        assertThat(mvc.post().uri("/admin/retention/api/loyalty/accounts/{id}/adjustments", id).with(ADMIN)
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"points\": 50}"))
                .as("reason is mandatory").hasStatus(400).bodyJson().extractingPath("$.field").isEqualTo("reason");
        assertThat(mvc.post().uri("/admin/retention/api/loyalty/accounts/{id}/adjustments", id).with(ADMIN)
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).hasStatusOk();
        // The shape the customer page's loyalty panel reads.
        assertThat(mvc.get().uri("/admin/retention/api/loyalty/accounts/{id}", id).with(ADMIN)).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).hasPathSatisfying("$.account.balance", v -> v.assertThat().isNotNull());
                    assertThat(json).extractingPath("$.ledger[?(@.reason == 'goodwill')].points").asArray()
                            .containsExactly(50);
                    assertThat(json).hasPathSatisfying("$.ledgerSize", v -> v.assertThat().isNotNull());
                    assertThat(json).hasPath("$.tierHistory");
                });
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(ADMIN)).hasStatusOk().bodyText()
                .contains("goodwill");
    }

    @Test
    void eraseNeedsTheTypedCustomerIdAndACsrfToken() {
        String id = customer("Eva Erased");
        assertThat(mvc.post().uri("/admin/retention/customers/{id}/erase", id).param("confirm", id).with(ADMIN))
                .as("no CSRF token").hasStatus(403);
        assertThat(mvc.post().uri("/admin/retention/customers/{id}/erase", id).param("confirm", "oops").with(ADMIN)
                .with(csrf())).hasStatus(302).flash().containsKey("error");
        assertThat(privacy.isErased(id)).isFalse();

        assertThat(mvc.post().uri("/admin/retention/customers/{id}/erase", id).param("confirm", id).with(ADMIN)
                .with(csrf())).hasStatus(302).hasRedirectedUrl("/admin/retention/customers/" + id);
        assertThat(privacy.isErased(id)).isTrue();
        assertThat(profiles.find(id)).get().satisfies(p -> assertThat(p.email()).isNull());
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(ADMIN)).hasStatusOk().bodyText()
                .contains("erased").contains("data-subject request").doesNotContain("Erase personal data</button>");
    }

    @Test
    void unknownCustomerIsA404PageInTheConsole() {
        assertThat(mvc.get().uri("/admin/retention/customers/nobody-{id}", TestDatabase.uniquePrefix()).with(ADMIN))
                .hasStatus(404).hasContentTypeCompatibleWith(MediaType.TEXT_HTML).bodyText().contains("No customer");
    }

    @Test
    void scriptInANameOrAnAuditValueIsShownAsTextEverywhere() {
        String id = TestDatabase.uniquePrefix() + "xss";
        events.publish(new CustomerRegistered(id + "-reg", clock.instant().minus(Duration.ofDays(3)), id,
                id + "@example.com", PROBE, Locale.ENGLISH, ZoneId.of("UTC"), null, true, PROBE, PROBE));
        inbox.drain();
        audit.record("admin", "customer", id, "adjust", PROBE, "{\"note\":\"" + PROBE.replace("\"", "\\\"") + "\"}",
                PROBE);
        events.publish(new ReviewSubmitted(id + "rv", clock.instant().minus(Duration.ofDays(1)), id + PROBE,
                id + "r", "poison-" + id, 2, true));
        inbox.drain();

        for (String page : new String[] {"/admin/retention/customers?q=" + id, "/admin/retention/customers/" + id,
            "/admin/retention/audit?entityId=" + id, "/admin/retention/operations?status=parked",
            "/admin/retention/cohorts?segment=" + PROBE}) {
            assertThat(mvc.get().uri(java.net.URI.create(page.replace("<", "%3C").replace(">", "%3E")
                    .replace("\"", "%22").replace("'", "%27").replace(" ", "%20").replace("(", "%28")
                    .replace(")", "%29"))).with(ADMIN))
                    .as(page).hasStatusOk().bodyText()
                    .doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;").contains("alert");
        }
        assertThat(mvc.get().uri("/admin/retention/customers/{id}", id).with(ADMIN)).bodyText()
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    private String customer(String name) {
        String id = TestDatabase.uniquePrefix() + "cv";
        register(id, name);
        return id;
    }

    private void register(String id, String name) {
        events.publish(new CustomerRegistered(id + "-reg", clock.instant().minus(Duration.ofDays(60)), id,
                id + "@example.com", name, Locale.ENGLISH, ZoneId.of("UTC"), null, true, "organic", null));
        inbox.drain();
    }
}
