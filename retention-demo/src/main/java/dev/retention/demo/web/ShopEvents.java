package dev.retention.demo.web;

import dev.retention.demo.cart.CartLineView;
import dev.retention.demo.cart.CartView;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.customer.Customer;
import dev.retention.demo.order.ShopOrder;
import dev.retention.demo.order.ShopOrderLine;
import dev.retention.host.CartLine;
import dev.retention.host.CartUpdated;
import dev.retention.host.CheckoutStarted;
import dev.retention.host.ConsentChanged;
import dev.retention.host.CustomerErased;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.CustomerUpdated;
import dev.retention.host.OrderCancelled;
import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderRefunded;
import dev.retention.host.OrderTotals;
import dev.retention.host.ProductPublished;
import dev.retention.host.ProductRestocked;
import dev.retention.host.ProductViewed;
import dev.retention.host.RefundLine;
import dev.retention.host.ReviewSubmitted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the shop's rows into Retention Kit events. Both the live pages and the seeder use these, so a seeded
 * history and live traffic look the same. Event ids come from the shop's own ids ("order-1042-placed"), so
 * publishing the same fact twice is a no-op.
 */
public final class ShopEvents {

    /** The shop's base currency: all prices are in euros. */
    public static final String CURRENCY = "EUR";

    private ShopEvents() {
    }

    public static CustomerRegistered registered(Customer c) {
        return new CustomerRegistered("customer-" + c.id() + "-registered", c.registeredAt(), c.customerId(),
                c.email(), c.displayName(), Locale.forLanguageTag(c.locale()), ZoneId.of(c.timeZone()), c.birthday(),
                c.marketingConsent(), c.acquisitionChannel(), c.referredByCode());
    }

    public static CustomerUpdated updated(Customer c, Instant at) {
        return new CustomerUpdated("customer-" + c.id() + "-updated-" + c.profileVersion(), at, c.customerId(),
                c.email(), c.displayName(), Locale.forLanguageTag(c.locale()), ZoneId.of(c.timeZone()), c.birthday());
    }

    public static ConsentChanged consentChanged(Customer c, Instant at) {
        return new ConsentChanged("customer-" + c.id() + "-consent-" + c.consentVersion(), at, c.customerId(), "email",
                c.marketingConsent());
    }

    public static CustomerErased erased(long customerId, Instant at) {
        return new CustomerErased("customer-" + customerId + "-erased", at, String.valueOf(customerId));
    }

    public static CartUpdated cartUpdated(CartView cart, String sessionId, Instant at) {
        List<CartLine> lines = new ArrayList<>();
        for (CartLineView line : cart.lines()) {
            lines.add(new CartLine(String.valueOf(line.product().id()), line.product().sku(), line.quantity(),
                    line.product().price()));
        }
        return new CartUpdated("cart-" + cart.id() + "-v" + cart.version(), at,
                cart.customerId() == null ? null : String.valueOf(cart.customerId()), sessionId, "cart-" + cart.id(),
                lines, cart.subtotal(), CURRENCY);
    }

    public static ProductViewed viewed(long viewId, Instant at, Long customerId, String sessionId, long productId) {
        return new ProductViewed("view-" + viewId, at, customerId == null ? null : String.valueOf(customerId),
                sessionId, String.valueOf(productId));
    }

    public static CheckoutStarted checkoutStarted(long cartId, Instant at, long customerId, String sessionId,
            BigDecimal total) {
        return new CheckoutStarted("checkout-" + cartId + "-started", at, String.valueOf(customerId), sessionId,
                CartView.checkoutId(cartId), total, CURRENCY);
    }

    public static OrderPlaced placed(ShopOrder o) {
        return placed(o, 0);
    }

    /**
     * The order as Retention Kit sees it; {@code pointsRedeemed} are the points reserved for its checkout, whose
     * value is already inside the order's discounts (the grant applied by the checkout).
     */
    public static OrderPlaced placed(ShopOrder o, long pointsRedeemed) {
        List<OrderLine> lines = new ArrayList<>();
        for (ShopOrderLine line : o.lines()) {
            lines.add(new OrderLine(String.valueOf(line.productId()), null, line.categoryId(), line.quantity(),
                    line.unitPrice(), line.lineDiscount()));
        }
        OrderTotals totals = new OrderTotals(o.subtotal(), o.discounts(), o.shipping(), o.tax(), o.total());
        return new OrderPlaced("order-" + o.id() + "-placed", o.placedAt(), String.valueOf(o.customerId()),
                String.valueOf(o.id()), o.checkoutId(), lines, o.currency(), totals, CURRENCY, totals, pointsRedeemed,
                o.addressFingerprint(), o.paymentFingerprint(),
                o.couponCode() == null ? List.of() : List.of(o.couponCode()), o.channel());
    }

    public static OrderCompleted completed(ShopOrder o, Instant at) {
        return new OrderCompleted("order-" + o.id() + "-completed", at, String.valueOf(o.customerId()),
                String.valueOf(o.id()));
    }

    public static OrderCancelled cancelled(ShopOrder o, Instant at, String reason) {
        return new OrderCancelled("order-" + o.id() + "-cancelled", at, String.valueOf(o.customerId()),
                String.valueOf(o.id()), reason);
    }

    /**
     * A refund. Retention Kit wants the merchandise part (without VAT and shipping), for the event as a whole and
     * per refunded line; the shop's own refund row keeps the money actually paid back.
     */
    public static OrderRefunded refunded(ShopOrder o, long refundId, Instant at, List<RefundLine> lines,
            BigDecimal merchandise, String reason) {
        return new OrderRefunded("order-" + o.id() + "-refund-" + refundId, at, String.valueOf(o.customerId()),
                String.valueOf(o.id()), "refund-" + refundId, lines, merchandise, merchandise, o.currency(), reason);
    }

    public static ReviewSubmitted review(long reviewId, Instant at, long customerId, long productId, int rating) {
        return new ReviewSubmitted("review-" + reviewId, at, String.valueOf(customerId), "review-" + reviewId,
                String.valueOf(productId), rating, true);
    }

    public static ProductPublished published(Product p) {
        return new ProductPublished("product-" + p.id() + "-published", p.publishedAt(), String.valueOf(p.id()),
                p.categoryId());
    }

    public static ProductRestocked restocked(Product p, int restockCount, int stock, Instant at) {
        return new ProductRestocked("product-" + p.id() + "-restock-" + restockCount, at, String.valueOf(p.id()), stock);
    }
}
