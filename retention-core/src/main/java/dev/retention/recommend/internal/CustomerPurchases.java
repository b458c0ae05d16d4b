package dev.retention.recommend.internal;

import dev.retention.support.UtcTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's purchased products, most recent first, each with when it was last bought. An interface because
 * the benchmark and the offline evaluator serve histories from memory.
 */
public interface CustomerPurchases {

    /** One purchased product and when it was last bought. */
    record Purchase(String productId, Instant lastBought) {
    }

    List<Purchase> recent(String customerId, int max);

    /** Reads {@code rtn_order}/{@code rtn_order_line}, orders that were not cancelled. */
    static CustomerPurchases jdbc(JdbcClient jdbc) {
        return (customerId, max) -> jdbc.sql("SELECT l.product_id, MAX(o.placed_at) AS last_bought FROM rtn_order o"
                        + " JOIN rtn_order_line l ON l.order_id = o.order_id"
                        + " WHERE o.customer_id = ? AND o.status <> 'CANCELLED'"
                        + " GROUP BY l.product_id ORDER BY last_bought DESC, l.product_id")
                .param(customerId)
                .withMaxRows(max)
                .query((rs, n) -> new Purchase(rs.getString(1), UtcTime.read(rs, "last_bought")))
                .list();
    }
}
