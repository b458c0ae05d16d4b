package dev.retention.customer;

import dev.retention.support.UtcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads orders as Retention Kit recorded them. */
public class OrderHistory {

    private static final String COLUMNS = "order_id, customer_id, checkout_id, placed_at, status, completed_at,"
            + " cancelled_at, base_currency, base_total, base_net, base_refunded, points_redeemed";

    private final JdbcClient jdbc;

    public OrderHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderSummary> find(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rtn_order WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The customer's orders, oldest first. */
    public List<OrderSummary> ordersOf(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rtn_order WHERE customer_id = ? ORDER BY placed_at, order_id")
                .param(customerId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Orders of the customer that were not cancelled, placed strictly before the given order. */
    public long countedOrdersBefore(String customerId, java.time.Instant placedAt) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_order WHERE customer_id = ? AND status <> 'CANCELLED'"
                        + " AND placed_at < ?")
                .params(customerId, UtcTime.toColumn(placedAt))
                .query(Long.class)
                .single();
    }

    private static OrderSummary map(ResultSet rs) throws SQLException {
        return new OrderSummary(rs.getString("order_id"), rs.getString("customer_id"), rs.getString("checkout_id"),
                UtcTime.read(rs, "placed_at"), OrderStatus.valueOf(rs.getString("status")),
                UtcTime.read(rs, "completed_at"), UtcTime.read(rs, "cancelled_at"), rs.getString("base_currency"),
                rs.getBigDecimal("base_total"), rs.getBigDecimal("base_net"), rs.getBigDecimal("base_refunded"),
                rs.getLong("points_redeemed"));
    }
}
