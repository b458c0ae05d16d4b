package dev.retention.demo.order;

import dev.retention.demo.catalog.Catalog;
import dev.retention.demo.checkout.Pricing;
import dev.retention.demo.web.ShopEvents;
import dev.retention.host.RefundLine;
import dev.retention.ingest.RetentionEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the shop's staff do with an order: deliver, cancel, refund (in part or in full). */
@Service
public class OrderAdminService {

    /** Refused because of the order's state or the request's numbers; {@code field} names the bad input. */
    public static class OrderActionException extends RuntimeException {
        private final String field;

        public OrderActionException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Orders orders;
    private final Catalog catalog;
    private final RetentionEvents events;
    private final Clock clock;

    public OrderAdminService(Orders orders, Catalog catalog, RetentionEvents events, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ShopOrder deliver(long orderId) {
        ShopOrder order = load(orderId);
        if (!order.canDeliver()) {
            throw new OrderActionException("status", "Order " + orderId + " is " + order.status() + " and cannot be delivered");
        }
        Instant now = clock.instant();
        orders.markDelivered(orderId, now);
        events.publish(ShopEvents.completed(order, now));
        return load(orderId);
    }

    @Transactional
    public ShopOrder cancel(long orderId, String reason) {
        ShopOrder order = load(orderId);
        if (!order.canCancel()) {
            throw new OrderActionException("status", "Order " + orderId + " is " + order.status() + " and cannot be cancelled");
        }
        Instant now = clock.instant();
        orders.markCancelled(orderId, now);
        for (ShopOrderLine line : order.lines()) {
            catalog.product(line.productId()).ifPresent(p -> catalog.updateStock(p.id(), p.stock() + line.quantity()));
        }
        events.publish(ShopEvents.cancelled(order, now, blankToDefault(reason, "cancelled by the shop")));
        return load(orderId);
    }

    /**
     * Refunds line quantities (line number -> units; each unit gives back its discounted price plus VAT) or, when no
     * line is given, an amount of money. Never more than what is left to refund. The event carries the merchandise
     * part (money without VAT, at most the merchandise not yet refunded).
     */
    @Transactional
    public ShopOrder refund(long orderId, Map<Integer, Integer> quantities, BigDecimal amount, String reason) {
        ShopOrder order = load(orderId);
        if (!order.canRefund()) {
            throw new OrderActionException("status", "Order " + orderId + " is " + order.status() + " and cannot be refunded");
        }
        BigDecimal grossUp = BigDecimal.ONE.add(Pricing.VAT_RATE);
        List<Orders.RefundedLine> refunded = new ArrayList<>();
        List<RefundLine> eventLines = new ArrayList<>();
        BigDecimal merchandise = BigDecimal.ZERO;
        for (ShopOrderLine line : order.lines()) {
            int quantity = quantities.getOrDefault(line.lineNo(), 0);
            if (quantity < 0 || quantity > line.refundableQuantity()) {
                throw new OrderActionException("quantity", "Line " + line.lineNo() + ": between 0 and "
                        + line.refundableQuantity() + " units can be refunded");
            }
            if (quantity > 0) {
                BigDecimal lineMerchandise = line.netUnitPrice().multiply(BigDecimal.valueOf(quantity));
                refunded.add(new Orders.RefundedLine(line.lineNo(), line.productId(), quantity,
                        lineMerchandise.multiply(grossUp).setScale(2, RoundingMode.HALF_UP)));
                eventLines.add(new RefundLine(String.valueOf(line.productId()), quantity, lineMerchandise));
                merchandise = merchandise.add(lineMerchandise);
            }
        }
        BigDecimal money;
        BigDecimal merchandiseLeft = order.subtotal().subtract(order.discounts())
                .subtract(order.refunded().divide(grossUp, 2, RoundingMode.HALF_UP)).max(BigDecimal.ZERO);
        if (refunded.isEmpty()) {
            if (amount == null || amount.signum() <= 0) {
                throw new OrderActionException("amount", "Give line quantities or a positive amount to refund");
            }
            money = amount.setScale(2, RoundingMode.HALF_UP);
            if (money.compareTo(order.refundable()) > 0) {
                throw new OrderActionException("amount", "At most " + order.refundable() + " can be refunded");
            }
            merchandise = money.divide(grossUp, 2, RoundingMode.HALF_UP).min(merchandiseLeft);
        } else {
            money = merchandise.multiply(grossUp).setScale(2, RoundingMode.HALF_UP).min(order.refundable());
            merchandise = merchandise.setScale(2, RoundingMode.HALF_UP).min(merchandiseLeft);
        }
        Instant now = clock.instant();
        String why = blankToDefault(reason, "refund");
        long refundId = orders.insertRefund(order, money, why, now, refunded);
        events.publish(ShopEvents.refunded(order, refundId, now, eventLines, merchandise, why));
        return load(orderId);
    }

    private ShopOrder load(long orderId) {
        return orders.byId(orderId).orElseThrow(() -> new OrderActionException("orderId", "No order " + orderId));
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
