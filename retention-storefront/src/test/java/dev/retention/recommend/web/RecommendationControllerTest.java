package dev.retention.recommend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.retention.host.CatalogProduct;
import dev.retention.recommend.Placement;
import dev.retention.recommend.Recommendation;
import dev.retention.recommend.RecommendationFeedback;
import dev.retention.recommend.RecommendationRequest;
import dev.retention.recommend.Recommendations;
import dev.retention.storefront.RetentionStorefrontAutoConfiguration;
import dev.retention.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest
class RecommendationControllerTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    /** The storefront layer and the recommendation endpoints, over mocked services. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({RetentionStorefrontAutoConfiguration.class, RecommendationsWebAutoConfiguration.class})
    static class Host {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }

        @Bean
        Recommendations recommendations() {
            return mock(Recommendations.class);
        }

        @Bean
        RecommendationFeedback feedback() {
            return mock(RecommendationFeedback.class);
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Recommendations recommendations;
    @Autowired
    RecommendationFeedback feedback;

    @BeforeEach
    void setUp() {
        reset(recommendations, feedback);
    }

    private static Recommendation grinder() {
        return new Recommendation(new CatalogProduct("p-grinder", "Burr Grinder", new BigDecimal("89.90"), "EUR",
                "/img/grinder.jpg", "/p/grinder", true, "coffee", null, false, 0), 0.8, "Frequently bought together"
                + " with Espresso Beans", Recommendation.Source.BOUGHT_TOGETHER);
    }

    @Test
    void aGuestGetsAlsoBoughtItemsForAProductPage() {
        given(recommendations.recommend(any())).willReturn(List.of(grinder()));

        assertThat(mvc.get().uri("/retention/api/recommendations?placement=product&productId=p-beans&limit=4"))
                .hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"placement": "product", "items": [{"productId": "p-grinder", "name": "Burr Grinder",
                          "price": 89.90, "currency": "EUR", "imageUrl": "/img/grinder.jpg", "url": "/p/grinder",
                          "reason": "Frequently bought together with Espresso Beans"}]}""");

        ArgumentCaptor<RecommendationRequest> request = ArgumentCaptor.forClass(RecommendationRequest.class);
        then(recommendations).should().recommend(request.capture());
        assertThat(request.getValue().placement()).isEqualTo(Placement.PRODUCT);
        assertThat(request.getValue().anchors()).containsExactly("p-beans");
        assertThat(request.getValue().customerId()).isNull();
        assertThat(request.getValue().limit()).isEqualTo(4);
    }

    @Test
    void aSignedInShopperGetsAPersonalHomeListWithTheDefaultLimitAndFilters() {
        given(recommendations.recommend(any())).willReturn(List.of());

        assertThat(mvc.get().uri("/retention/api/recommendations?placement=HOME&category=coffee&maxPrice=50")
                .with(user("c-17"))).hasStatusOk();

        ArgumentCaptor<RecommendationRequest> request = ArgumentCaptor.forClass(RecommendationRequest.class);
        then(recommendations).should().recommend(request.capture());
        assertThat(request.getValue().customerId()).isEqualTo("c-17");
        assertThat(request.getValue().placement()).isEqualTo(Placement.HOME);
        assertThat(request.getValue().limit()).isEqualTo(RecommendationController.DEFAULT_LIMIT);
        assertThat(request.getValue().category()).isEqualTo("coffee");
        assertThat(request.getValue().maxPrice()).isEqualByComparingTo("50");
    }

    @Test
    void aCartPassesEveryCartProduct() {
        given(recommendations.recommend(any())).willReturn(List.of());

        assertThat(mvc.get().uri("/retention/api/recommendations?placement=cart&productId=a&productId=b"))
                .hasStatusOk();

        ArgumentCaptor<RecommendationRequest> request = ArgumentCaptor.forClass(RecommendationRequest.class);
        then(recommendations).should().recommend(request.capture());
        assertThat(request.getValue().anchors()).containsExactly("a", "b");
    }

    @Test
    void aMissingOrUnknownPlacementIsAProblemNamingTheField() {
        assertThat(mvc.get().uri("/retention/api/recommendations")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.field").isEqualTo("placement");
        assertThat(mvc.get().uri("/retention/api/recommendations?placement=sidebar")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("placement");
        then(recommendations).should(never()).recommend(any());
    }

    @Test
    void aProductPlacementWithoutAProductIsRefused() {
        assertThat(mvc.get().uri("/retention/api/recommendations?placement=product")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("productId");
    }

    @Test
    void aLimitOutOfRangeOrNotANumberIsRefused() {
        assertThat(mvc.get().uri("/retention/api/recommendations?placement=home&limit=0")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("limit");
        assertThat(mvc.get().uri("/retention/api/recommendations?placement=home&limit=101")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("limit");
        assertThat(mvc.get().uri("/retention/api/recommendations?placement=home&limit=many")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("limit");
    }

    @Test
    void aPriceBandUpsideDownIsRefused() {
        assertThat(mvc.get().uri("/retention/api/recommendations?placement=home&minPrice=20&maxPrice=10"))
                .hasStatus(400).bodyJson().extractingPath("$.field").isEqualTo("maxPrice");
    }

    @Test
    void aGuestClickIsRecordedWithItsSession() {
        assertThat(mvc.post().uri("/retention/api/recommendations/events").with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"type": "click", "placement": "cart", "productIds": ["p-grinder"], "sessionId": "s-9"}"""))
                .hasStatus(202).bodyJson().extractingPath("$.recorded").isEqualTo(1);

        then(feedback).should().record(RecommendationFeedback.Kind.CLICK, Placement.CART, List.of("p-grinder"), null,
                "s-9", NOW);
    }

    @Test
    void aSignedInImpressionCarriesTheCustomer() {
        assertThat(mvc.post().uri("/retention/api/recommendations/events").with(csrf()).with(user("c-17"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"type": "impression", "placement": "home", "productIds": ["a", "b", "c"]}"""))
                .hasStatus(202);

        then(feedback).should().record(eq(RecommendationFeedback.Kind.IMPRESSION), eq(Placement.HOME),
                eq(List.of("a", "b", "c")), eq("c-17"), any(), eq(NOW));
    }

    @Test
    void invalidEventsAreProblemsNamingTheField() {
        assertThat(post("""
                {"type": "hover", "placement": "home", "productIds": ["a"]}""")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("type");
        assertThat(post("""
                {"type": "click", "placement": "home", "productIds": []}""")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("productIds");
        assertThat(post("""
                {"type": "click", "productIds": ["a"]}""")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("placement");
        assertThat(post("not json")).hasStatus(400)
                .bodyJson().extractingPath("$.field").isEqualTo("body");
        then(feedback).should(never()).record(any(), any(), anyCollection(), anyString(), anyString(), any());
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(String body) {
        return mvc.post().uri("/retention/api/recommendations/events").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
