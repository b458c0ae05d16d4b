package dev.retention.engage.web;

import dev.retention.engage.Unsubscribes;
import dev.retention.storefront.ShopperResolver;
import dev.retention.support.Problems.FieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in shopper's e-mail preferences: {@code *} (all marketing) and each flow, on or off. PUT takes the
 * same shape; flows left out keep their setting.
 */
@RestController
public class PreferencesController {

    private static final String EMAIL = "email";

    private final Unsubscribes unsubscribes;
    private final ShopperResolver shoppers;
    private final Clock clock;

    public PreferencesController(Unsubscribes unsubscribes, ShopperResolver shoppers, Clock clock) {
        this.unsubscribes = unsubscribes;
        this.shoppers = shoppers;
        this.clock = clock;
    }

    @GetMapping("/retention/api/preferences")
    public Map<String, Object> get(HttpServletRequest request) {
        String customerId = shoppers.requireCustomerId(request);
        return view(customerId);
    }

    @PutMapping("/retention/api/preferences")
    public Map<String, Object> put(HttpServletRequest request, @RequestBody Map<String, Object> body) {
        String customerId = shoppers.requireCustomerId(request);
        Object flows = body.get("flows");
        if (!(flows instanceof Map<?, ?> wanted)) {
            throw new FieldException(400, "Invalid preferences", "flows", "flows: an object of flow name to true/false"
                    + " is required");
        }
        Map<String, Boolean> current = unsubscribes.preferences(customerId, EMAIL);
        for (var entry : wanted.entrySet()) {
            String flow = String.valueOf(entry.getKey());
            if (!current.containsKey(flow)) {
                throw new FieldException(400, "Invalid preferences", "flows." + flow, "flows." + flow
                        + ": no such flow; known: " + current.keySet());
            }
            if (!(entry.getValue() instanceof Boolean on)) {
                throw new FieldException(400, "Invalid preferences", "flows." + flow, "flows." + flow
                        + ": must be true or false");
            }
            if (on) {
                unsubscribes.resubscribe(customerId, flow, EMAIL);
            } else {
                unsubscribes.unsubscribe(customerId, flow, EMAIL, clock.instant());
            }
        }
        return view(customerId);
    }

    private Map<String, Object> view(String customerId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channel", EMAIL);
        view.put("flows", unsubscribes.preferences(customerId, EMAIL));
        return view;
    }
}
