package dev.retention.demo.checkout;

import dev.retention.demo.cart.CartLineView;
import dev.retention.demo.cart.CartView;
import dev.retention.demo.cart.Carts;
import dev.retention.demo.catalog.Catalog;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.order.OrderState;
import dev.retention.demo.order.Orders;
import dev.retention.demo.order.ShopOrder;
import dev.retention.demo.order.ShopOrderLine;
import dev.retention.demo.web.ShopEvents;
import dev.retention.ingest.RetentionEvents;
import dev.retention.loyalty.Redemptions;
import dev.retention.loyalty.Reservation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checkout: pricing with Retention Kit grants and coupons, the fake payment, and placing the order. */
@Service
public class CheckoutService {

    /** A card number the fake payment provider always declines. */
    public static final String DECLINED_CARD = "4000000000000002";

    /** The checkout was refused; {@code field} names the bad input. */
    public static class CheckoutException extends RuntimeException {
        private final String field;

        public CheckoutException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Where the order goes. */
    public record Address(String name, String street, String postcode, String city, String country) {
        public String oneLine() {
            return street + ", " + postcode + " " + city + ", " + country;
        }
    }

    private final Carts carts;
    private final Catalog catalog;
    private final Orders orders;
    private final ShopDiscounts discounts;
    private final RetentionEvents events;
    private final Clock clock;
    private final ObjectProvider<Redemptions> redemptions;

    public CheckoutService(Carts carts, Catalog catalog, Orders orders, ShopDiscounts discounts, RetentionEvents events,
            Clock clock, ObjectProvider<Redemptions> redemptions) {
        this.redemptions = redemptions;
        this.carts = carts;
        this.catalog = catalog;
        this.orders = orders;
        this.discounts = discounts;
        this.events = events;
        this.clock = clock;
    }

    /** Prices the cart with this checkout's grants and, if usable, the coupon. */
    @Transactional(readOnly = true)
    public Quote quote(CartView cart, long customerId, String couponCode) {
        Map<Product, Integer> quantities = new LinkedHashMap<>();
        for (CartLineView line : cart.lines()) {
            quantities.put(line.product(), line.quantity());
        }
        List<Discount> applied = new ArrayList<>(discounts.grantsFor(cart.checkoutId()));
        if (couponCode != null && !couponCode.isBlank()) {
            discounts.usableCoupon(couponCode, String.valueOf(customerId), cart.subtotal()).ifPresent(applied::add);
        }
        Map<Long, Product> free = new LinkedHashMap<>();
        for (Discount d : applied) {
            if ("FREE_PRODUCT".equals(d.kind()) && d.productId() != null && d.productId().matches("\\d+")) {
                catalog.product(Long.parseLong(d.productId())).ifPresent(p -> free.put(p.id(), p));
            }
        }
        return Pricing.quote(quantities, applied, free);
    }

    public boolean couponUsable(String code, long customerId, BigDecimal merchandise) {
        return discounts.usableCoupon(code, String.valueOf(customerId), merchandise).isPresent();
    }

    /** Publishes CheckoutStarted once per cart. */
    @Transactional
    public void start(CartView cart, long customerId, String sessionId, BigDecimal total) {
        events.publish(ShopEvents.checkoutStarted(cart.id(), clock.instant(), customerId, sessionId, total));
    }

    /** Takes the fake payment and places the order; the cart is closed and OrderPlaced published in one transaction. */
    @Transactional
    public ShopOrder place(CartView cart, long customerId, Address address, String couponCode, String cardNumber,
            String channel) {
        if (cart.isEmpty()) {
            throw new CheckoutException("cart", "Your cart is empty");
        }
        String card = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        if (!card.matches("\\d{12,19}")) {
            throw new CheckoutException("cardNumber", "Enter a card number of 12 to 19 digits");
        }
        if (DECLINED_CARD.equals(card)) {
            throw new CheckoutException("cardNumber", "The payment was declined; try another card");
        }
        for (CartLineView line : cart.lines()) {
            if (line.product().stock() < line.quantity()) {
                throw new CheckoutException("cart", line.product().name() + " has only " + line.product().stock()
                        + " left");
            }
        }
        String coupon = couponCode == null || couponCode.isBlank() ? null : couponCode.trim().toUpperCase();
        if (coupon != null && !couponUsable(coupon, customerId, cart.subtotal())) {
            coupon = null;
        }
        Quote quote = quote(cart, customerId, coupon);
        Instant now = clock.instant();
        List<ShopOrderLine> lines = new ArrayList<>();
        int lineNo = 1;
        for (Quote.QuoteLine line : quote.lines()) {
            lines.add(new ShopOrderLine(lineNo++, line.productId(), line.name(), line.categoryId(), line.quantity(),
                    line.unitPrice(), line.lineDiscount(), 0));
        }
        ShopOrder draft = new ShopOrder(0, customerId, cart.checkoutId(), OrderState.PLACED, ShopEvents.CURRENCY,
                quote.subtotal(), quote.discounts(), quote.shipping(), quote.tax(), quote.total(), BigDecimal.ZERO,
                coupon, address.name(), address.oneLine(), fingerprint(address.oneLine().toLowerCase()),
                fingerprint(card.substring(card.length() - 4) + ":" + card.length() + ":" + card.substring(0, 6)),
                channel, now, null, null, lines);
        long orderId = orders.insert(draft);
        if (coupon != null && !discounts.redeemCoupon(coupon, orderId)) {
            throw new CheckoutException("couponCode", "This coupon has just been used");
        }
        for (Quote.QuoteLine line : quote.lines()) {
            catalog.decrementStock(line.productId(), line.quantity());
        }
        carts.markOrdered(cart.id());
        ShopOrder order = orders.byId(orderId).orElseThrow();
        events.publish(ShopEvents.placed(order, pointsReserved(customerId, cart.checkoutId())));
        return order;
    }

    /** Points the shopper reserved for this checkout with the loyalty programme (0 without one). */
    private long pointsReserved(long customerId, String checkoutId) {
        Redemptions loyalty = redemptions.getIfAvailable();
        if (loyalty == null) {
            return 0;
        }
        return loyalty.find(String.valueOf(customerId), checkoutId)
                .filter(reservation -> "RESERVED".equals(reservation.status()))
                .map(Reservation::points)
                .orElse(0L);
    }

    public static String fingerprint(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<CartView> reload(long cartId) {
        return carts.open(cartId);
    }
}
