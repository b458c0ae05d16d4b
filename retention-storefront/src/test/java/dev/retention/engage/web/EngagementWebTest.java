package dev.retention.engage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.engage.Flow;
import dev.retention.engage.SignedLinks;
import dev.retention.engage.Unsubscribes;
import dev.retention.feedback.Feedback;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The shopper-facing engagement and feedback endpoints, through the real security chain. */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"retention.inbox.worker=false",
    "retention.engage.delivery.worker=false", "retention.engage.signing-secret=web-test-secret-0123456789",
    "retention.engage.base-url=https://shop.test"})
@AutoConfigureMockMvc
class EngagementWebTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "engage-web");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    SignedLinks links;
    @Autowired
    Unsubscribes unsubscribes;
    @Autowired
    Feedback feedback;
    @Autowired
    MutableClock clock;

    String customer;

    @BeforeEach
    void setUp() {
        customer = TestDatabase.uniquePrefix() + "shopper";
    }

    @Test
    void oneClickUnsubscribeByLinkOrByTheMailClientsPost() throws Exception {
        String token = links.sign("u", customer, "abandoned-cart", "email");
        mvc.perform(get("/retention/m/u/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You are unsubscribed")));
        assertThat(unsubscribes.isUnsubscribed(customer, Flow.ABANDONED_CART, "email")).isTrue();

        String all = links.sign("u", customer, "*", "email");
        mvc.perform(post("/retention/m/u/" + all).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(unsubscribes.isUnsubscribed(customer, Flow.WIN_BACK, "email")).isTrue();
        assertThat(unsubscribes.isUnsubscribed(customer, Flow.ORDER_THANK_YOU, "email")).isFalse();

        mvc.perform(get("/retention/m/u/" + token.substring(0, token.length() - 2) + "xx"))
                .andExpect(status().isNotFound());
    }

    @Test
    void clickRedirectsOnlyToTheSignedUrlAndThePixelIsAGif() throws Exception {
        String token = links.sign("c", "m-" + customer, "https://shop.test/p/book-1");
        mvc.perform(get("/retention/m/c/" + token))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "https://shop.test/p/book-1"));
        String forged = links.sign("c", "m-" + customer, "https://evil.test/").split("\\.")[0] + "."
                + token.split("\\.")[1];
        mvc.perform(get("/retention/m/c/" + forged)).andExpect(status().isNotFound());
        mvc.perform(get("/retention/m/o/" + links.sign("o", "m-" + customer) + ".gif"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_GIF));
    }

    @Test
    void aSignedInShopperReadsAndChangesTheirPreferences() throws Exception {
        mvc.perform(get("/retention/api/preferences")).andExpect(status().isUnauthorized());
        mvc.perform(get("/retention/api/preferences").with(user(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flows['abandoned-cart']").value(true));
        mvc.perform(put("/retention/api/preferences").with(user(customer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"flows\":{\"abandoned-cart\":false}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flows['abandoned-cart']").value(false))
                .andExpect(jsonPath("$.flows['welcome']").value(true));
        mvc.perform(put("/retention/api/preferences").with(user(customer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"flows\":{\"nope\":false}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("flows.nope"));
    }

    @Test
    void aSurveyIsAnsweredOnceThroughItsSignedLink() throws Exception {
        String token = feedback.invite(customer, "order-" + customer, clock.instant());
        mvc.perform(get("/retention/api/feedback/" + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("NPS"))
                .andExpect(jsonPath("$.answered").value(false));
        mvc.perform(post("/retention/api/feedback/" + token).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\":11}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("score"));
        mvc.perform(post("/retention/api/feedback/" + token).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\":8,\"rating\":4,\"comment\":\"Fine\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("PASSIVE"));
        mvc.perform(post("/retention/api/feedback/" + token).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\":10}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/retention/api/feedback/not-a-token")).andExpect(status().isNotFound());
    }
}
