package dev.retention.engage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.audit.AuditLog;
import dev.retention.engage.Flow;
import dev.retention.engage.FlowSettingsService;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Flow settings (validated, audited) and the engagement and NPS reports in the admin API. */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"retention.inbox.worker=false",
    "retention.engage.delivery.worker=false", "retention.engage.signing-secret=admin-test-secret-0123456789"})
@AutoConfigureMockMvc
class EngageAdminWebTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "engage-admin");
    }

    static final RequestPostProcessor ADMIN = user("ops").roles("RETENTION_ADMIN");

    @Autowired
    MockMvc mvc;
    @Autowired
    FlowSettingsService flows;
    @Autowired
    AuditLog audit;

    @Test
    void flowSettingsAreReadUpdatedAndAudited() throws Exception {
        mvc.perform(get("/admin/retention/api/settings/flows").with(user("shopper")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/retention/api/settings/flows").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['abandoned-cart'].delays[0]").value("PT1H"))
                .andExpect(jsonPath("$['order-thank-you'].marketing").value(false));

        mvc.perform(put("/admin/retention/api/settings/flows").with(ADMIN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"abandoned-cart\":{\"delays\":[\"PT2H\",\"P2D\"],\"holdoutPercent\":20}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['abandoned-cart'].delays[1]").value("PT48H"));
        assertThat(flows.get(Flow.ABANDONED_CART).delays()).containsExactly(Duration.ofHours(2), Duration.ofDays(2));
        assertThat(flows.get(Flow.ABANDONED_CART).holdoutPercent()).isEqualTo(20);
        assertThat(audit.list("engage-flow", "abandoned-cart", 0, 10)).isNotEmpty();
    }

    @Test
    void invalidSettingsAreRefusedWithTheField() throws Exception {
        for (var bad : List.of(
                new String[] {"{\"win-back\":{\"delays\":[\"-PT1H\"]}}", "win-back.delays[0]"},
                new String[] {"{\"win-back\":{\"delays\":[\"soon\"]}}", "win-back.delays[0]"},
                new String[] {"{\"welcome\":{\"holdoutPercent\":80}}", "welcome.holdoutPercent"},
                new String[] {"{\"birthday\":{\"couponPercent\":\"ten\"}}", "birthday.couponPercent"},
                new String[] {"{\"nope\":{}}", "nope"})) {
            mvc.perform(put("/admin/retention/api/settings/flows").with(ADMIN).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(bad[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value(bad[1]));
        }
        assertThat(flows.get(Flow.WELCOME).holdoutPercent()).isLessThanOrEqualTo(50);
    }

    @Test
    void campaignAndNpsReportsAnswer() throws Exception {
        mvc.perform(get("/admin/retention/api/reports/campaigns").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        mvc.perform(get("/admin/retention/api/reports/nps").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.distribution.length()").value(11));
        mvc.perform(get("/admin/retention/api/reports/campaigns").param("from", "2026-02-01T00:00:00Z")
                        .param("to", "2026-01-01T00:00:00Z").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get("/admin/retention/api/engage/outbox").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.PARKED").exists());
    }
}
