package dev.retention.loyalty.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@Tag("db")
@SpringBootTest(classes = {CoreTestApplication.class, LoyaltyAdminApiTest.Host.class},
        properties = "retention.inbox.worker=false")
@AutoConfigureMockMvc
class LoyaltyAdminApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "loyalty-admin-api");
    }

    @TestConfiguration
    static class Host {
        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}pw").roles("RETENTION_ADMIN").build(),
                    User.withUsername("shopper").password("{noop}pw").roles("SHOPPER").build());
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String id;

    @BeforeEach
    void setUp() {
        id = TestDatabase.uniquePrefix();
    }

    @Test
    void onlyRetentionAdminsGetIn() throws Exception {
        mvc.perform(get("/admin/retention/api/loyalty/drift")).andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/retention/api/loyalty/drift").with(httpBasic("shopper", "pw")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/retention/api/loyalty/drift").param("refresh", "true").with(httpBasic("alice", "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts").isNumber());
    }

    @Test
    void anAdjustmentNeedsAReasonAndIsAuditedWithTheAdmin() throws Exception {
        String customer = id + "c";
        mvc.perform(post("/admin/retention/api/loyalty/accounts/" + customer + "/adjustments")
                        .with(httpBasic("alice", "pw")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"points\":120}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(get("/admin/retention/api/loyalty/accounts/" + customer).with(httpBasic("alice", "pw")))
                .andExpect(status().isNotFound());

        mvc.perform(post("/admin/retention/api/loyalty/accounts/" + customer + "/adjustments")
                        .with(httpBasic("alice", "pw")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"points\":120,\"reason\":\"parcel lost\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(120));
        mvc.perform(get("/admin/retention/api/loyalty/accounts/" + customer).with(httpBasic("alice", "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledger[0].type").value("ADJUST"))
                .andExpect(jsonPath("$.ledger[0].actor").value("alice"))
                .andExpect(jsonPath("$.ledger[0].reason").value("parcel lost"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_audit WHERE entity_id = ? AND actor = 'alice'"
                + " AND reason = 'parcel lost'").param(customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anImportWithABadRowIsRefusedWholeWithErrorsPerRow() throws Exception {
        mvc.perform(post("/admin/retention/api/loyalty/imports").with(httpBasic("alice", "pw"))
                        .contentType("text/csv").content("customerId,points\n" + id + "a,10\n" + id + "b,-5\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("points"));
        mvc.perform(get("/admin/retention/api/loyalty/accounts/" + id + "a").with(httpBasic("alice", "pw")))
                .andExpect(status().isNotFound());

        mvc.perform(post("/admin/retention/api/loyalty/imports").with(httpBasic("alice", "pw"))
                        .contentType("text/csv").content(id + "a,10\n" + id + "b,5\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.points").value(15));
    }

    @Test
    void invalidSettingsAreA400NamingTheFieldAndValidOnesAreAuditedBeforeAndAfter() throws Exception {
        String loyalty = mvc.perform(get("/admin/retention/api/settings/loyalty").with(httpBasic("alice", "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.redemption.maxCartPercent").value(50))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(put("/admin/retention/api/settings/loyalty").with(httpBasic("alice", "pw"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(loyalty.replace("\"maxCartPercent\":50", "\"maxCartPercent\":150")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("redemption.maxCartPercent"));
        mvc.perform(put("/admin/retention/api/settings/tiers").with(httpBasic("alice", "pw"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"basis\":\"POINTS_EARNED\",\"windowDays\":365,\"graceDays\":30,\"tiers\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tiers.window"));

        String rewards = mvc.perform(get("/admin/retention/api/settings/rewards").with(httpBasic("alice", "pw")))
                .andReturn().getResponse().getContentAsString();
        long audits = jdbc.sql("SELECT COUNT(*) FROM rtn_audit WHERE entity = 'settings' AND entity_id = 'rewards'")
                .query(Long.class).single();
        try {
            mvc.perform(put("/admin/retention/api/settings/rewards").with(httpBasic("alice", "pw"))
                            .header("X-Change-Reason", "spring sale")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"rewards\":[{\"id\":\"spring-" + id.substring(0, 4) + "\",\"name\":\"Spring\","
                                    + "\"kind\":\"AMOUNT_OFF\",\"value\":3,\"pointsCost\":250}]}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rewards[0].pointsCost").value(250));
            mvc.perform(get("/admin/retention/api/settings/rewards").with(httpBasic("alice", "pw")))
                    .andExpect(jsonPath("$.rewards.length()").value(1));
        } finally {
            mvc.perform(put("/admin/retention/api/settings/rewards").with(httpBasic("alice", "pw"))
                            .contentType(MediaType.APPLICATION_JSON).content(rewards))
                    .andExpect(status().isOk());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_audit WHERE entity = 'settings' AND entity_id = 'rewards'"
                + " AND actor = 'alice' AND before_value IS NOT NULL AND after_value IS NOT NULL")
                .query(Long.class).single()).isEqualTo(audits + 2);
    }
}
