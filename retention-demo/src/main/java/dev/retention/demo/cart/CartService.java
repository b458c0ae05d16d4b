package dev.retention.demo.cart;

import dev.retention.demo.catalog.Catalog;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.web.ShopEvents;
import dev.retention.ingest.RetentionEvents;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shopper's cart: a guest's cart hangs off the HTTP session; a signed-in customer's cart is stored with their
 * id, so it is there on the next visit. Signing in adopts the guest cart. Every change publishes CartUpdated.
 */
@Service
public class CartService {

    /** The product cannot be added: none left. */
    public static class SoldOutException extends RuntimeException {
        public SoldOutException(String message) {
            super(message);
        }
    }

    static final String CART_ATTRIBUTE = "shop.cartId";
    public static final int MAX_QUANTITY = 20;

    private final Carts carts;
    private final Catalog catalog;
    private final RetentionEvents events;
    private final Clock clock;

    public CartService(Carts carts, Catalog catalog, RetentionEvents events, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** The current cart, without creating one. */
    @Transactional
    public CartView current(HttpSession session, String sessionId, Optional<Long> customerId) {
        return cartId(session, customerId).flatMap(carts::open).orElse(CartView.empty(sessionId));
    }

    @Transactional
    public CartView add(HttpSession session, String sessionId, Optional<Long> customerId, long productId,
            int quantity) {
        Product product = catalog.product(productId)
                .orElseThrow(() -> new IllegalArgumentException("productId: unknown product"));
        if (!product.inStock()) {
            throw new SoldOutException(product.name() + " is sold out");
        }
        long cartId = cartId(session, customerId).filter(id -> carts.open(id).isPresent())
                .orElseGet(() -> create(session, sessionId, customerId));
        CartView cart = carts.load(cartId);
        int existing = cart.lines().stream().filter(l -> l.product().id() == productId)
                .mapToInt(CartLineView::quantity).sum();
        return change(cartId, productId, Math.min(MAX_QUANTITY, existing + Math.max(1, quantity)), sessionId);
    }

    @Transactional
    public CartView update(HttpSession session, String sessionId, Optional<Long> customerId, long productId,
            int quantity) {
        Optional<Long> cartId = cartId(session, customerId).filter(id -> carts.open(id).isPresent());
        if (cartId.isEmpty()) {
            return CartView.empty(sessionId);
        }
        return change(cartId.get(), productId, Math.max(0, Math.min(MAX_QUANTITY, quantity)), sessionId);
    }

    private CartView change(long cartId, long productId, int quantity, String sessionId) {
        Instant now = clock.instant();
        carts.setQuantity(cartId, productId, quantity, now);
        CartView cart = carts.load(cartId);
        events.publish(ShopEvents.cartUpdated(cart, sessionId, now));
        return cart;
    }

    private long create(HttpSession session, String sessionId, Optional<Long> customerId) {
        long id = carts.create(customerId.orElse(null), sessionId, clock.instant());
        session.setAttribute(CART_ATTRIBUTE, id);
        return id;
    }

    /** The signed-in customer's stored cart, else the session's; a guest cart is adopted at sign-in. */
    private Optional<Long> cartId(HttpSession session, Optional<Long> customerId) {
        Long sessionCart = (Long) session.getAttribute(CART_ATTRIBUTE);
        if (customerId.isEmpty()) {
            return Optional.ofNullable(sessionCart);
        }
        Optional<Long> stored = carts.openCartOf(customerId.get());
        if (stored.isPresent()) {
            if (sessionCart != null && !sessionCart.equals(stored.get())) {
                mergeInto(sessionCart, stored.get());
            }
            session.setAttribute(CART_ATTRIBUTE, stored.get());
            return stored;
        }
        if (sessionCart != null && carts.open(sessionCart).filter(c -> c.customerId() == null).isPresent()) {
            carts.assign(sessionCart, customerId.get());
            return Optional.of(sessionCart);
        }
        return Optional.empty();
    }

    private void mergeInto(long guestCart, long storedCart) {
        Optional<CartView> guest = carts.open(guestCart).filter(c -> c.customerId() == null);
        if (guest.isEmpty()) {
            return;
        }
        CartView stored = carts.load(storedCart);
        Instant now = clock.instant();
        for (CartLineView line : guest.get().lines()) {
            int existing = stored.lines().stream().filter(l -> l.product().id() == line.product().id())
                    .mapToInt(CartLineView::quantity).sum();
            carts.setQuantity(storedCart, line.product().id(), Math.min(MAX_QUANTITY, existing + line.quantity()), now);
        }
        carts.markMerged(guestCart);
        CartView merged = carts.load(storedCart);
        events.publish(ShopEvents.cartUpdated(merged, merged.sessionId(), now));
    }
}
