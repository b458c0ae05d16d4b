package dev.retention.demo.seed;

import dev.retention.demo.catalog.Category;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.customer.Customer;
import dev.retention.demo.order.ShopOrder;
import dev.retention.host.RetentionEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A generated shop history: the rows for the shop's tables and the same facts as events, in time order. */
public record SeedHistory(Instant anchor, List<Category> categories, List<Product> products,
        List<Customer> customers, List<ShopOrder> orders, List<Refund> refunds, List<Cart> carts, List<View> views,
        List<Review> reviews, List<Coupon> coupons, List<RetentionEvent> events) {

    // customers hold each customer's final state (erased ones anonymised); the events carry the earlier states.

    /** A refund of an order, with the lines it gave back (none for an amount-only refund). */
    public record Refund(long id, long orderId, BigDecimal amount, String reason, Instant at, List<RefundRow> lines) {
    }

    /** A refunded line. */
    public record RefundRow(int lineNo, long productId, int quantity, BigDecimal amount) {
    }

    /** A cart: ORDERED, or OPEN when abandoned. */
    public record Cart(long id, Long customerId, String sessionId, String status, int version, Instant createdAt,
            Instant updatedAt, List<long[]> lines) {
    }

    /** A product view. */
    public record View(long id, String sessionId, Long customerId, long productId, Instant at) {
    }

    /** A review. */
    public record Review(long id, long productId, long customerId, int rating, String title, String body, Instant at) {
    }

    /** A used promotion coupon. */
    public record Coupon(String code, long customerId, long orderId, Instant createdAt) {
    }
}
