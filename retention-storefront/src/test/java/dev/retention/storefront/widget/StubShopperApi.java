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

    static Map<String, Object> initialPreferences() {
        List<Map<String, Object>> flows = new ArrayList<>();
        flows.add(flow("welcome", true, null));
        flows.add(flow("abandoned_cart", true, false));
        flows.add(flow("win_back", true, false));
        flows.add(flow("points_expiring", true, true));
        return Map.of("flows", flows);
    }

    private static Map<String, Object> flow(String flow, boolean email, Boolean sms) {
        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put("EMAIL", email);
        if (sms != null) {
            channels.put("SMS", sms);
        }
        return Map.of("flow", flow, "channels", channels);
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
        return Map.of("page", page, "hasMore", false, "entries", List.of(
                Map.of("type", "EARN_PENDING", "points", 0, "pendingPoints", 60, "reason", "Order #1003",
                        "createdAt", "2026-11-20T09:00:00Z"),
                Map.of("type", "REDEEM_RESERVE", "points", -500, "reason", "Reward: 5 EUR off",
                        "createdAt", "2026-11-02T12:00:00Z"),
                Map.of("type", "EARN", "points", 250, "reason", "Birthday bonus", "createdAt", "2026-10-14T08:00:00Z")));
    }

    @GetMapping("/loyalty/rewards")
    List<Map<String, Object>> rewards(Principal principal) {
        requireShopper(principal);
        return List.of(Map.of("id", "five-off", "name", "5 EUR off", "kind", "AMOUNT_OFF", "pointsCost", 500),
                Map.of("id", "free-shipping", "name", "Free shipping", "kind", "FREE_SHIPPING", "pointsCost", 300),
                Map.of("id", "fifty-off", "name", "50 EUR off", "kind", "AMOUNT_OFF", "pointsCost", 5000));
    }

    @PostMapping("/loyalty/redemptions")
    Map<String, Object> reserve(Principal principal, @RequestBody Map<String, Object> request) {
        requireShopper(principal);
        reservations.removeIf(r -> r.get("checkoutId").equals(request.get("checkoutId")));
        long points = "five-off".equals(request.get("rewardId")) ? 500
                : "free-shipping".equals(request.get("rewardId")) ? 300 : ((Number) request.get("points")).longValue();
        Map<String, Object> reservation = new LinkedHashMap<>(request);
        reservation.put("status", "RESERVED");
        reservation.put("points", points);
        reservation.put("discount", Map.of("amount", points / 100.0, "currency", "EUR"));
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
            @RequestParam(required = false) String productId, @RequestParam(defaultValue = "8") int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String[][] products = {{"p-grinder", "Burr grinder", "89.00", "true"}, {"p-filter", "Paper filters (100)", "4.50",
            "true"}, {"p-kettle", "Gooseneck kettle", "39.90", "false"}, {"p-mug", "Stoneware mug", "12.00", "true"},
            {"p-scale", "Coffee scale", "24.00", "true"}};
        for (String[] p : products) {
            if (items.size() < limit && !p[0].equals(productId)) {
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
        return Map.of("items", items);
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
        return Map.of("token", token, "answered", false);
    }

    @PostMapping("/feedback/{token}")
    ResponseEntity<Void> answer(@PathVariable String token, @RequestBody Map<String, Object> answer) {
        answers.add(answer);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    Map<String, Object> preferences(Principal principal) {
        requireShopper(principal);
        return preferences;
    }

    @PutMapping("/preferences")
    Map<String, Object> savePreferences(Principal principal, @RequestBody Map<String, Object> changed) {
        requireShopper(principal);
        preferences = changed;
        return changed;
    }
}
