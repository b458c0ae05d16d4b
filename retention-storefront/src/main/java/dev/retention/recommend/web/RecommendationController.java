package dev.retention.recommend.web;

import dev.retention.recommend.Placement;
import dev.retention.recommend.Recommendation;
import dev.retention.recommend.RecommendationFeedback;
import dev.retention.recommend.RecommendationRequest;
import dev.retention.recommend.Recommendations;
import dev.retention.storefront.ShopperResolver;
import dev.retention.support.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shopper recommendations: {@code GET /retention/api/recommendations} for a placement and
 * {@code POST /retention/api/recommendations/events} for impressions and clicks. Both are open to guests: a
 * guest gets also-bought, bought-together or popular products, never a personal list.
 */
@RestController
@RequestMapping("/retention/api/recommendations")
public class RecommendationController {

    /** Products per answer when the caller does not say. */
    static final int DEFAULT_LIMIT = 8;

    private final Recommendations recommendations;
    private final RecommendationFeedback feedback;
    private final ShopperResolver shoppers;
    private final Clock clock;

    public RecommendationController(Recommendations recommendations, RecommendationFeedback feedback,
            ShopperResolver shoppers, Clock clock) {
        this.recommendations = recommendations;
        this.feedback = feedback;
        this.shoppers = shoppers;
        this.clock = clock;
    }

    /** One product as the shop shows it. */
    public record Item(String productId, String name, BigDecimal price, String currency, String imageUrl,
            String url, String reason) {

        static Item of(Recommendation recommendation) {
            var product = recommendation.product();
            return new Item(product.productId(), product.name(), product.price(), product.currency(),
                    product.imageUrl(), product.url(), recommendation.reason());
        }
    }

    /** The answer of {@code GET}. */
    public record Items(String placement, List<Item> items) {
    }

    /** The body of {@code POST /events}: what was shown or clicked, where. */
    public record Event(String type, String placement, List<String> productIds, String sessionId) {
    }

    /** The answer of {@code POST /events}. */
    public record Recorded(int recorded) {
    }

    /**
     * @param placement {@code product} (needs {@code productId}), {@code cart} (one {@code productId} per cart
     *                  product), {@code home} or {@code account}
     * @param productId the product of the page, or the cart's products
     * @param limit     1 to 100, default 8
     * @param category  only this category
     * @param minPrice  only at or above this price
     * @param maxPrice  only at or below this price
     */
    @GetMapping
    public Items recommendations(@RequestParam(required = false) String placement,
            @RequestParam(required = false) List<String> productId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String category, @RequestParam(required = false) BigDecimal minPrice,
            @RequestParam(required = false) BigDecimal maxPrice, HttpServletRequest http) {
        Placement where = placement(placement);
        List<String> anchors = productId == null ? List.of()
                : productId.stream().filter(id -> id != null && !id.isBlank()).map(String::trim).distinct().toList();
        if ((where == Placement.PRODUCT || where == Placement.CART) && anchors.isEmpty()) {
            throw invalid("productId", "productId: is required for placement " + name(where));
        }
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > RecommendationRequest.MAX_LIMIT) {
            throw invalid("limit", "limit: must be between 1 and " + RecommendationRequest.MAX_LIMIT + ", was " + n);
        }
        if (minPrice != null && minPrice.signum() < 0) {
            throw invalid("minPrice", "minPrice: must not be negative");
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw invalid("maxPrice", "maxPrice: must not be below minPrice");
        }
        String customerId = shoppers.customerId(http).orElse(null);
        RecommendationRequest request = new RecommendationRequest(where, anchors, customerId,
                category == null || category.isBlank() ? null : category, minPrice, maxPrice, n);
        return new Items(name(where), recommendations.recommend(request).stream().map(Item::of).toList());
    }

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Recorded event(@RequestBody Event event, HttpServletRequest http) {
        if (event.type() == null) {
            throw invalid("type", "type: is required (impression or click)");
        }
        RecommendationFeedback.Kind kind;
        try {
            kind = RecommendationFeedback.Kind.valueOf(event.type().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("type", "type: must be impression or click, was '" + event.type() + "'");
        }
        Placement where = placement(event.placement());
        List<String> products = event.productIds() == null ? List.of() : event.productIds();
        if (products.isEmpty() || products.size() > RecommendationRequest.MAX_LIMIT) {
            throw invalid("productIds", "productIds: between 1 and " + RecommendationRequest.MAX_LIMIT
                    + " product ids are required");
        }
        if (products.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > 200)) {
            throw invalid("productIds", "productIds: every id must be 1 to 200 characters");
        }
        if (event.sessionId() != null && event.sessionId().length() > 200) {
            throw invalid("sessionId", "sessionId: at most 200 characters");
        }
        HttpSession session = http.getSession(false);
        String sessionId = event.sessionId() != null ? event.sessionId() : session == null ? null : session.getId();
        feedback.record(kind, where, products, shoppers.customerId(http).orElse(null), sessionId, clock.instant());
        return new Recorded(products.size());
    }

    private static Placement placement(String placement) {
        if (placement == null || placement.isBlank()) {
            throw invalid("placement", "placement: is required (product, cart, home or account)");
        }
        try {
            return Placement.parse(placement);
        } catch (IllegalArgumentException e) {
            throw invalid("placement", "placement: must be product, cart, home or account, was '" + placement + "'");
        }
    }

    private static String name(Placement placement) {
        return placement.name().toLowerCase(Locale.ROOT);
    }

    private static Problems.FieldException invalid(String field, String message) {
        return new Problems.FieldException(400, "Invalid request", field, message);
    }
}
