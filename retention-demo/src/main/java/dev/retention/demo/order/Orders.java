package dev.retention.demo.order;

import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Orders, lines and refunds (tables shop_order, shop_order_line, shop_refund, shop_refund_line). */
@Repository
public class Orders {

    private static final String COLUMNS = "id, customer_id, checkout_id, status, currency, subtotal, discounts,"
            + " shipping, tax, total, refunded, coupon_code, ship_name, ship_address, address_fingerprint,"
            + " payment_fingerprint, channel, placed_at, delivered_at, cancelled_at";

    /** A refund as the admin page lists it. */
    public record Refund(long id, long orderId, BigDecimal amount, String reason, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new order and its lines; returns the order id. */
    public long insert(ShopOrder o) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shop_order (customer_id, checkout_id, status, currency, subtotal, discounts, shipping,"
                        + " tax, total, coupon_code, ship_name, ship_address, address_fingerprint, payment_fingerprint,"
                        + " channel, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.customerId(), o.checkoutId(), o.status().name(), o.currency(), o.subtotal(), o.discounts(),
                        o.shipping(), o.tax(), o.total(), o.couponCode(), o.shipName(), o.shipAddress(),
                        o.addressFingerprint(), o.paymentFingerprint(), o.channel(), UtcTime.toColumn(o.placedAt()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (ShopOrderLine line : o.lines()) {
            jdbc.sql("INSERT INTO shop_order_line (order_id, line_no, product_id, product_name, category_id, quantity,"
                            + " unit_price, line_discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, line.lineNo(), line.productId(), line.productName(), line.categoryId(),
                            line.quantity(), line.unitPrice(), line.lineDiscount())
                    .update();
        }
        return id;
    }

    public Optional<ShopOrder> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_order WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<ShopOrder> ofCustomer(long customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_order WHERE customer_id = ? ORDER BY placed_at DESC, id DESC")
                .param(customerId).query(this::map).list();
    }

    /** Newest first, optionally of one status. */
    public List<ShopOrder> recent(OrderState status, int page, int size) {
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_order" + where
                        + " ORDER BY placed_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(size, page * size).query(this::map).list();
    }

    public long count(OrderState status) {
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        return jdbc.sql("SELECT COUNT(*) FROM shop_order" + where).query(Long.class).single();
    }

    public void markDelivered(long id, Instant at) {
        jdbc.sql("UPDATE shop_order SET status = 'DELIVERED', delivered_at = ? WHERE id = ?")
                .params(UtcTime.toColumn(at), id).update();
    }

    public void markCancelled(long id, Instant at) {
        jdbc.sql("UPDATE shop_order SET status = 'CANCELLED', cancelled_at = ? WHERE id = ?")
                .params(UtcTime.toColumn(at), id).update();
    }

    /** Records a refund, its lines (line number -> quantity) and the order's new refunded total and status. */
    public long insertRefund(ShopOrder order, BigDecimal amount, String reason, Instant at, List<RefundedLine> lines) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shop_refund (order_id, amount, reason, created_at) VALUES (?, ?, ?, ?)")
                .params(order.id(), amount, reason, UtcTime.toColumn(at)).update(keys, "id");
        long refundId = keys.getKey().longValue();
        for (RefundedLine line : lines) {
            jdbc.sql("INSERT INTO shop_refund_line (refund_id, product_id, quantity, amount) VALUES (?, ?, ?, ?)")
                    .params(refundId, line.productId(), line.quantity(), line.amount()).update();
            jdbc.sql("UPDATE shop_order_line SET refunded_quantity = refunded_quantity + ? WHERE order_id = ?"
                            + " AND line_no = ?")
                    .params(line.quantity(), order.id(), line.lineNo()).update();
        }
        BigDecimal refunded = order.refunded().add(amount);
        OrderState state = refunded.compareTo(order.total()) >= 0 ? OrderState.REFUNDED : OrderState.PARTIALLY_REFUNDED;
        jdbc.sql("UPDATE shop_order SET refunded = ?, status = ? WHERE id = ?")
                .params(refunded, state.name(), order.id()).update();
        return refundId;
    }

    /** A refunded order line. */
    public record RefundedLine(int lineNo, long productId, int quantity, BigDecimal amount) {
    }

    public List<Refund> refunds(long orderId) {
        return jdbc.sql("SELECT id, order_id, amount, reason, created_at FROM shop_refund WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query((rs, n) -> new Refund(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4),
                        UtcTime.read(rs, "created_at")))
                .list();
    }

    /** Whether this customer bought the product (and the order was not cancelled): only buyers may review. */
    public boolean bought(long customerId, long productId) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order o JOIN shop_order_line l ON l.order_id = o.id"
                        + " WHERE o.customer_id = ? AND l.product_id = ? AND o.status <> 'CANCELLED'")
                .params(customerId, productId).query(Long.class).single() > 0;
    }

    private ShopOrder map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong(1);
        List<ShopOrderLine> lines = new ArrayList<>(jdbc.sql("SELECT line_no, product_id, product_name, category_id,"
                        + " quantity, unit_price, line_discount, refunded_quantity FROM shop_order_line"
                        + " WHERE order_id = ? ORDER BY line_no")
                .param(id)
                .query((l, n) -> new ShopOrderLine(l.getInt(1), l.getLong(2), l.getString(3), l.getString(4),
                        l.getInt(5), l.getBigDecimal(6), l.getBigDecimal(7), l.getInt(8)))
                .list());
        return new ShopOrder(id, rs.getLong(2), rs.getString(3), OrderState.valueOf(rs.getString(4)), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17), UtcTime.read(rs, "placed_at"),
                UtcTime.read(rs, "delivered_at"), UtcTime.read(rs, "cancelled_at"), lines);
    }
}
