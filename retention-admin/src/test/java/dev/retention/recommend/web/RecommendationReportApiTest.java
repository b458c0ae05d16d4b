package dev.retention.recommend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.retention.admin.AdminTestApplication;
import dev.retention.recommend.Placement;
import dev.retention.recommend.RecommendationFeedback;
import dev.retention.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@Tag("db")
@SpringBootTest(classes = AdminTestApplication.class, properties = "retention.inbox.worker=false")
@AutoConfigureMockMvc
class RecommendationReportApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "admin-reco-report");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RecommendationFeedback feedback;

    @Test
    void anAdminSeesImpressionsAndClickThroughPerPlacement() {
        // a day of its own far in the future, so other runs on a shared database do not count
        int year = 2300 + (int) (Math.random() * 600);
        Instant day = Instant.parse(year + "-03-04T10:00:00Z");
        feedback.record(RecommendationFeedback.Kind.IMPRESSION, Placement.CART, List.of("a", "b", "c", "d"), null,
                "s", day);
        feedback.record(RecommendationFeedback.Kind.CLICK, Placement.CART, List.of("b"), null, "s", day);

        assertThat(mvc.get().uri("/admin/retention/api/recommendations/report?from=" + year + "-03-04&to=" + year
                + "-03-05").with(user("admin").roles("RETENTION_ADMIN")))
                .hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"total": {"impressions": 4, "clicks": 1, "clickThroughRate": 0.25, "attributedOrders": 0}}""");
    }

    @Test
    void onlyRetentionAdminsGetIt() {
        assertThat(mvc.get().uri("/admin/retention/api/recommendations/report").with(user("shopper")))
                .hasStatus(403);
    }

    @Test
    void anUpsideDownPeriodIsAProblemNamingTheField() {
        assertThat(mvc.get().uri("/admin/retention/api/recommendations/report?from=2026-02-01&to=2026-01-01")
                .with(user("admin").roles("RETENTION_ADMIN")))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.field").isEqualTo("to");
    }
}
