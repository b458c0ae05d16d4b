package dev.retention.loyalty.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.host.CouponOffer;
import dev.retention.host.DiscountGrant;
import dev.retention.host.DiscountPort;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.Redemptions;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@Tag("db")
@SpringBootTest(classes = {CoreTestApplication.class, LoyaltyShopperApiTest.Host.class},
        properties = "retention.inbox.worker=false")
@AutoConfigureMockMvc
class LoyaltyShopperApiTest {

    static final String PREFIX = TestDatabase.uniquePrefix();
    static final String ALICE = PREFIX + "alice";
    static final String BOB = PREFIX + "bob";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "loyalty-shopper-api");
    }

    @TestConfiguration
    static class Host {
        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername(ALICE).password("{noop}pw").roles("SHOPPER").build(),
                    User.withUsername(BOB).password("{noop}pw").roles("SHOPPER").build());
        }

        @Bean
        DiscountPort discountPort() {
            return new DiscountPort() {
                @Override
                public void grant(DiscountGrant grant) {
                }

                @Override
                public void revoke(String checkoutId, String grantId) {
                }

                @Override
                public String issueCoupon(String customerId, CouponOffer offer, Instant validUntil) {
                    return "C";
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Loyalty loyalty;
    @Autowired
    Redemptions redemptions;

    String checkout;

    @BeforeEach
    void setUp() {
        checkout = TestDatabase.uniquePrefix() + "k";
        if (loyalty.account(ALICE).isEmpty()) {
            loyalty.adjust(ALICE, 1000, "test balance", "test");
            loyalty.adjust(BOB, 200, "test balance", "test");
        }
    }

    @Test
    void guestsMustSignInExceptForTheEstimate() throws Exception {
        mvc.perform(get("/retention/api/loyalty/summary")).andExpect(status().isUnauthorized());
        mvc.perform(get("/retention/api/referral")).andExpect(status().isUnauthorized());
        mvc.perform(get("/retention/api/loyalty/estimate").param("cartTotal", "42.50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(42));
    }

    @Test
    void theSummaryAndHistoryAreTheSignedInShoppers() throws Exception {
        mvc.perform(get("/retention/api/loyalty/summary").param("customerId", BOB).with(httpBasic(ALICE, "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(ALICE))
                .andExpect(jsonPath("$.balance").isNumber())
                .andExpect(jsonPath("$.nextTier").value("Silver"));
        mvc.perform(get("/retention/api/loyalty/history").with(httpBasic(BOB, "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].type").value("ADJUST"))
                .andExpect(jsonPath("$.entries[0].points").value(200))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void anotherShoppersReservationIsNeverReachable() throws Exception {
        mvc.perform(post("/retention/api/loyalty/redemptions").with(httpBasic(ALICE, "pw"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkoutId\":\"" + checkout + "\",\"rewardId\":\"five-off\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.points").value(500))
                .andExpect(jsonPath("$.status").value("RESERVED"));

        mvc.perform(delete("/retention/api/loyalty/redemptions/" + checkout).with(httpBasic(BOB, "pw")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/retention/api/loyalty/redemptions").with(httpBasic(BOB, "pw"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkoutId\":\"" + checkout + "\",\"rewardId\":\"free-shipping\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("checkoutId"));
        assertThat(redemptions.find(ALICE, checkout)).get().extracting(r -> r.status()).isEqualTo("RESERVED");
        mvc.perform(get("/retention/api/loyalty/history").with(httpBasic(BOB, "pw")))
                .andExpect(jsonPath("$.entries[*].reason", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(checkout)))));

        mvc.perform(delete("/retention/api/loyalty/redemptions/" + checkout).with(httpBasic(ALICE, "pw")))
                .andExpect(status().isNoContent());
        assertThat(redemptions.find(ALICE, checkout)).get().extracting(r -> r.status()).isEqualTo("RELEASED");
    }

    @Test
    void redeemingMoreThanTheBalanceIsA409ProblemNamingPoints() throws Exception {
        mvc.perform(post("/retention/api/loyalty/redemptions").with(httpBasic(BOB, "pw"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkoutId\":\"" + checkout + "\",\"rewardId\":\"five-off\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("points"));
        mvc.perform(post("/retention/api/loyalty/redemptions").with(httpBasic(BOB, "pw"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checkoutId\":\"" + checkout + "\",\"points\":150}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("cartTotal"));
    }

    @Test
    void rewardsAndReferralAreListedForTheShopper() throws Exception {
        mvc.perform(get("/retention/api/loyalty/rewards").with(httpBasic(BOB, "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].affordable").value(false));
        // affordable first, then best value per point: 5 EUR for 500 points beats free shipping and 10% off
        mvc.perform(get("/retention/api/loyalty/rewards").param("cartTotal", "20").with(httpBasic(ALICE, "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reward.id").value("five-off"))
                .andExpect(jsonPath("$[0].affordable").value(true));
        mvc.perform(get("/retention/api/referral").with(httpBasic(BOB, "pw")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(BOB))
                .andExpect(jsonPath("$.code").isString())
                .andExpect(jsonPath("$.link").value(org.hamcrest.Matchers.startsWith("/?ref=")));
    }
}
