package dev.retention.demo.cart;

import java.math.BigDecimal;
import java.util.List;

/** A cart as pages show it; {@code id} is 0 for a cart that does not exist yet. */
public record CartView(long id, Long customerId, String sessionId, int version, List<CartLineView> lines) {

    public static CartView empty(String sessionId) {
        return new CartView(0, null, sessionId, 0, List.of());
    }

    public BigDecimal subtotal() {
        return lines.stream().map(CartLineView::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLineView::quantity).sum();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The checkout id Retention Kit sees for this cart (redemptions and DiscountPort grants are keyed by it). */
    public String checkoutId() {
        return checkoutId(id);
    }

    public static String checkoutId(long cartId) {
        return "chk-" + cartId;
    }
}
