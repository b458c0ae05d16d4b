package dev.retention.customer.internal;

import dev.retention.host.OrderCancelled;
import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderRefunded;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.AwaitingPredecessorException;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.support.UtcTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records orders, their lines and refunds. Completion, cancellation and refunds of an order not seen yet wait for
 * it ({@link AwaitingPredecessorException}); each write is idempotent, so replays change nothing.
 */
public class OrderProjection implements RetentionEventHandler {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public OrderProjection(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return type == OrderPlaced.class || type == OrderCompleted.class || type == OrderCancelled.class
                || type == OrderRefunded.class;
    }

    @Override
    public void handle(RetentionEvent event) {
        if (event instanceof OrderPlaced e) {
            placed(e);
        } else if (event instanceof OrderCompleted e) {
            requireOrder(e.orderId(), "completion");
            jdbc.sql("UPDATE rtn_order SET status = 'COMPLETED', completed_at = ? WHERE order_id = ?"
                            + " AND status = 'PLACED'")
                    .params(UtcTime.toColumn(e.occurredAt()), e.orderId())
                    .update();
        } else if (event instanceof OrderCancelled e) {
            requireOrder(e.orderId(), "cancellation");
            jdbc.sql("UPDATE rtn_order SET status = 'CANCELLED', cancelled_at = ? WHERE order_id = ?"
                            + " AND status <> 'CANCELLED'")
                    .params(UtcTime.toColumn(e.occurredAt()), e.orderId())
                    .update();
        } else if (event instanceof OrderRefunded e) {
            refunded(e);
        }
    }

    private void placed(OrderPlaced e) {
        if (orderExists(e.orderId())) {
            return;
        }
        var base = e.baseTotals();
        jdbc.sql("INSERT INTO rtn_order (order_id, customer_id, checkout_id, placed_at, status, currency, total,"
                        + " base_currency, base_subtotal, base_discounts, base_shipping, base_tax, base_total, base_net,"
                        + " base_refunded, points_redeemed, coupon_codes, channel, address_fingerprint,"
                        + " payment_fingerprint) VALUES (?, ?, ?, ?, 'PLACED', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?,"
                        + " ?, ?)")
                .params(e.orderId(), e.customerId(), e.checkoutId(), UtcTime.toColumn(e.occurredAt()), e.currency(),
                        e.totals().total(), e.baseCurrency(), base.subtotal(), base.discounts(), base.shipping(),
                        base.tax(), base.total(), base.netMerchandise(), e.pointsRedeemed(),
                        e.couponCodes().isEmpty() ? null : String.join(",", e.couponCodes()), e.channel(),
                        e.addressFingerprint(), e.paymentFingerprint())
                .update();
        List<Object[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (OrderLine line : e.lines()) {
            rows.add(new Object[] {e.orderId(), ++lineNo, line.productId(), line.variantId(), line.category(),
                line.quantity(), line.unitPrice(), line.lineDiscount()});
        }
        template.batchUpdate("INSERT INTO rtn_order_line (order_id, line_no, product_id, variant_id, category,"
                + " quantity, unit_price, line_discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void refunded(OrderRefunded e) {
        requireOrder(e.orderId(), "refund " + e.refundId());
        boolean seen = jdbc.sql("SELECT COUNT(*) FROM rtn_refund WHERE refund_id = ?").param(e.refundId())
                .query(Long.class).single() > 0;
        if (seen) {
            return;
        }
        jdbc.sql("INSERT INTO rtn_refund (refund_id, order_id, refunded_at, amount, base_amount, currency, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(e.refundId(), e.orderId(), UtcTime.toColumn(e.occurredAt()), e.amount(), e.baseAmount(),
                        e.currency(), e.reason())
                .update();
        jdbc.sql("UPDATE rtn_order SET base_refunded = base_refunded + ? WHERE order_id = ?")
                .params(e.baseAmount(), e.orderId())
                .update();
    }

    private void requireOrder(String orderId, String what) {
        if (!orderExists(orderId)) {
            throw new AwaitingPredecessorException("order " + orderId + " not placed yet (" + what + ")");
        }
    }

    private boolean orderExists(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_order WHERE order_id = ?").param(orderId)
                .query(Long.class).single() > 0;
    }
}
