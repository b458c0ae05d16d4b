package dev.retention.customer.web;

import dev.retention.customer.CustomerProfile;
import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.customer.OrderStatus;
import dev.retention.customer.OrderSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer search and the 360 view for scripts and the console: {@code GET /admin/retention/api/customers?q=} and
 * {@code GET /admin/retention/api/customers/{customerId}}. Features add their section to the view through
 * {@link CustomerInsight} beans.
 */
@RestController
@RequestMapping("/admin/retention/api/customers")
public class CustomerAdminController {

    static final int MAX_RESULTS = 200;

    private final CustomerProfiles profiles;
    private final OrderHistory orders;
    private final List<CustomerInsight> insights;

    public CustomerAdminController(CustomerProfiles profiles, OrderHistory orders, List<CustomerInsight> insights) {
        this.profiles = profiles;
        this.orders = orders;
        this.insights = List.copyOf(insights);
    }

    /** A customer's section of the 360 view contributed by a feature (RFM, predictions, loyalty, messages...). */
    public interface CustomerInsight {

        /** Key of the section in the view, e.g. {@code rfm}. */
        String section();

        /** The section for this customer, or null when the feature knows nothing about them. */
        Object describe(String customerId);
    }

    /** Orders totals in the base currency; cancelled orders do not count, refunds reduce revenue. */
    public record OrdersSummary(int orders, int cancelled, BigDecimal revenue, BigDecimal refunded,
            BigDecimal averageOrderValue, String currency, Instant firstOrderAt, Instant lastOrderAt) {

        public static OrdersSummary of(List<OrderSummary> history) {
            List<OrderSummary> counted = history.stream().filter(o -> o.status() != OrderStatus.CANCELLED).toList();
            BigDecimal revenue = counted.stream().map(OrderSummary::countedRevenue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
            BigDecimal refunded = counted.stream().map(OrderSummary::refunded)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
            return new OrdersSummary(counted.size(), history.size() - counted.size(), revenue, refunded,
                    counted.isEmpty() ? null
                            : revenue.divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP),
                    history.isEmpty() ? null : history.get(0).baseCurrency(),
                    counted.isEmpty() ? null : counted.get(0).placedAt(),
                    counted.isEmpty() ? null : counted.get(counted.size() - 1).placedAt());
        }
    }

    @GetMapping
    public List<CustomerProfile> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_RESULTS + ", was " + limit);
        }
        return profiles.search(q.trim(), limit);
    }

    @GetMapping("/{customerId}")
    public Map<String, Object> customer(@PathVariable String customerId) {
        CustomerProfile profile = profiles.find(customerId)
                .orElseThrow(() -> new NoSuchElementException("No customer '" + customerId + "'"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("profile", profile);
        view.put("orders", OrdersSummary.of(orders.ordersOf(customerId)));
        for (CustomerInsight insight : insights) {
            view.put(insight.section(), insight.describe(customerId));
        }
        return view;
    }
}
