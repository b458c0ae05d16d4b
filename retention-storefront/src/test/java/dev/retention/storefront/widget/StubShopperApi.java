package dev.retention.storefront.widget;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the shopper HTTP contract (DESIGN.md section 7) with fixed data for one shopper, and remembers what the
 * widgets sent (reservations, recommendation events, survey answers, preferences) so browser tests can check it.
 * Guests get 401 on shopper endpoints, as from the real API.
 */
@RestController
@RequestMapping("/stub/retention/api")
public class StubShopperApi {

    final List<Map<String, Object>> recommendationEvents = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> answers = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> reservations = new CopyOnWriteArrayList<>();
    volatile Map<String, Object> preferences = initialPreferences();

    /** As engage's PreferencesController answers: one channel, {@code *} (all marketing) first, then each flow. */
    static Map<String, Object> initialPreferences() {
        Map<String, Boolean> flows = new LinkedHashMap<>();
        flows.put("*", true);
        flows.put("welcome", true);
        flows.put("abandoned-cart", true);
        flows.put("win-back", false);
        flows.put("review-request", true);
        return Map.of("channel", "email", "flows", flows);
    }

    void reset() {
        recommendationEvents.clear();
        answers.clear();
        reservations.clear();
        preferences = initialPreferences();
    }

    private static void requireShopper(Principal principal) {
        if (principal == null) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
    }

    @GetMapping("/loyalty/summary")
    Map<String, Object> summary(Principal principal) {
        requireShopper(principal);
        long held = reservations.stream().mapToLong(r -> ((Number) r.get("points")).longValue()).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("customerId", principal.getName());
        summary.put("balance", 1250 - held);
        summary.put("pending", 300);
        summary.put("tier", "Silver");
        summary.put("qualifying", 1250);
        summary.put("nextTier", "Gold");
        summary.put("remaining", 750);
        summary.put("expiringSoon", 200);
        summary.put("expiringBy", "2026-12-31T10:00:00Z");
        summary.put("balanceValue", 12.50);
        summary.put("currency", "EUR");
        return summary;
    }

    @GetMapping("/loyalty/history")
    Map<String, Object> history(Principal principal, @RequestParam(defaultValue = "0") int page) {
        requireShopper(principal);
        return Map.of("page", page, "size", 20, "total", 3, "entries", List.of(
                Map.of("type", "EARN_PENDING", "points", 0, "pendingPoints", 60, "reason", "Order #1003",
                        "createdAt", "2026-11-20T09:00:00Z"),
                Map.of("type", "REDEEM_RESERVE", "points", -500, "reason", "Reward: 5 EUR off",
                        "createdAt", "2026-11-02T12:00:00Z"),
                Map.of("type", "EARN", "points", 250, "reason", "Birthday bonus", "createdAt", "2026-10-14T08:00:00Z")));
    }

    /** As loyalty answers: reward offers ranked for the shopper. */
    @GetMapping("/loyalty/rewards")
    List<Map<String, Object>> rewards(Principal principal) {
        requireShopper(principal);
        return List.of(offer("five-off", "5 EUR off", "AMOUNT_OFF", 500, true),
                offer("free-shipping", "Free shipping", "FREE_SHIPPING", 300, true),
                offer("fifty-off", "50 EUR off", "AMOUNT_OFF", 5000, false));
    }

    private static Map<String, Object> offer(String id, String name, String kind, long cost, boolean affordable) {
        return Map.of("reward", Map.of("id", id, "name", name, "kind", kind, "pointsCost", cost), "affordable",
                affordable, "score", 1.0);
    }

    @PostMapping("/loyalty/redemptions")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> reserve(Principal principal, @RequestBody Map<String, Object> request) {
        requireShopper(principal);
        reservations.removeIf(r -> r.get("checkoutId").equals(request.get("checkoutId")));
        long points = "five-off".equals(request.get("rewardId")) ? 500
                : "free-shipping".equals(request.get("rewardId")) ? 300 : ((Number) request.get("points")).longValue();
        Map<String, Object> reservation = new LinkedHashMap<>(request);
        reservation.put("status", "RESERVED");
        reservation.put("points", points);
        reservation.put("discount", "free-shipping".equals(request.get("rewardId")) ? "FREE_SHIPPING"
                : "AMOUNT_OFF " + java.math.BigDecimal.valueOf(points, 2) + " EUR");
        reservations.add(reservation);
        return reservation;
    }

    @DeleteMapping("/loyalty/redemptions/{checkoutId}")
    ResponseEntity<Void> release(Principal principal, @PathVariable String checkoutId) {
        requireShopper(principal);
        reservations.removeIf(r -> r.get("checkoutId").equals(checkoutId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/loyalty/estimate")
    Map<String, Object> estimate(@RequestParam double cartTotal) {
        return Map.of("cartTotal", cartTotal, "points", Math.round(Math.floor(cartTotal)));
    }

    @GetMapping("/referral")
    Map<String, Object> referral(Principal principal) {
        requireShopper(principal);
        return Map.of("code", "ANA-7Q2", "link", "https://shop.example/r/ANA-7Q2", "shared", 3, "signedUp", 2,
                "ordered", 1, "rewarded", 1, "pointsEarned", 500);
    }

    @GetMapping("/recommendations")
    Map<String, Object> recommendations(@RequestParam String placement,
            @RequestParam(required = false) List<String> productId, @RequestParam(defaultValue = "8") int limit) {
        if ((placement.equals("product") || placement.equals("cart")) && (productId == null || productId.isEmpty())) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST, "productId");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        String[][] products = {{"p-grinder", "Burr grinder", "89.00", "true"}, {"p-filter", "Paper filters (100)", "4.50",
            "true"}, {"p-kettle", "Gooseneck kettle", "39.90", "false"}, {"p-mug", "Stoneware mug", "12.00", "true"},
            {"p-scale", "Coffee scale", "24.00", "true"}};
        for (String[] p : products) {
            if (items.size() < limit && (productId == null || !productId.contains(p[0]))) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("productId", p[0]);
                item.put("name", p[1]);
                item.put("price", Double.parseDouble(p[2]));
                item.put("currency", "EUR");
                item.put("imageUrl", "/stub/img/" + p[0] + ".svg");
                item.put("url", "/products/" + p[0]);
                item.put("inStock", Boolean.parseBoolean(p[3]));
                item.put("reason", "cart".equals(placement) ? "Often bought together" : "Customers also bought this");
                items.add(item);
            }
        }
        return Map.of("placement", placement, "items", items);
    }

    @PostMapping("/recommendations/events")
    ResponseEntity<Void> recommendationEvent(@RequestBody Map<String, Object> event) {
        recommendationEvents.add(event);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/feedback/{token}")
    Map<String, Object> survey(@PathVariable String token) {
        if (!token.startsWith("tok-")) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Map.of("kind", "NPS", "answered", answers.stream().anyMatch(a -> token.equals(a.get("token"))),
                "questions", List.of(Map.of("id", "score", "type", "nps", "required", true, "min", 0, "max", 10)));
    }

    @PostMapping("/feedback/{token}")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> answer(@PathVariable String token, @RequestBody Map<String, Object> answer) {
        Map<String, Object> recorded = new LinkedHashMap<>(answer);
        recorded.put("token", token);
        answers.add(recorded);
        return Map.of("score", answer.get("score"), "category", "PASSIVE");
    }

    @GetMapping("/preferences")
    Map<String, Object> preferences(Principal principal) {
        requireShopper(principal);
        return preferences;
    }

    @PutMapping("/preferences")
    @SuppressWarnings("unchecked")
    Map<String, Object> savePreferences(Principal principal, @RequestBody Map<String, Object> changed) {
        requireShopper(principal);
        Map<String, Boolean> flows = new LinkedHashMap<>((Map<String, Boolean>) preferences.get("flows"));
        flows.putAll((Map<String, Boolean>) changed.get("flows"));
        preferences = Map.of("channel", "email", "flows", flows);
        return preferences;
    }
}
