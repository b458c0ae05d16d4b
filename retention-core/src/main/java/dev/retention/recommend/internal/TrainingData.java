package dev.retention.recommend.internal;

import dev.retention.support.UtcTime;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the training signal: every line of every order that was not cancelled (from the order history core
 * keeps) and the views and cart adds recorded by {@link SignalRecorder} since a cut-off. Purchases and signals
 * of a signed-in customer share the user key {@code c:<customerId>}; guests' signals use {@code s:<sessionId>}.
 */
public class TrainingData {

    private static final int FETCH_SIZE = 5000;
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final float viewWeight;
    private final float cartWeight;

    /** @param jdbc a template of its own: its fetch size is set for streaming */
    public TrainingData(JdbcTemplate jdbc, float viewWeight, float cartWeight) {
        this.jdbc = jdbc;
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.viewWeight = viewWeight;
        this.cartWeight = cartWeight;
    }

    public static String customerKey(String customerId) {
        return "c:" + customerId;
    }

    public static String sessionKey(String sessionId) {
        return "s:" + sessionId;
    }

    /**
     * Appends to {@code log} the lines of the orders noted in {@code rtn_reco_pending} (not cancelled) that it
     * does not hold yet, then clears those notes; returns the product ids of the appended lines.
     */
    public java.util.Set<String> foldPending(Interactions log) {
        java.util.List<String> pending = jdbc.queryForList("SELECT order_id FROM rtn_reco_pending", String.class);
        java.util.Set<String> touched = new java.util.LinkedHashSet<>();
        for (int from = 0; from < pending.size(); from += BATCH) {
            java.util.List<String> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
            java.util.List<String> fresh = batch.stream().filter(id -> !log.containsOrder(id)).toList();
            if (!fresh.isEmpty()) {
                String marks = String.join(", ", java.util.Collections.nCopies(fresh.size(), "?"));
                java.util.Set<String> appending = new java.util.HashSet<>();
                jdbc.query("SELECT o.customer_id, o.order_id, o.placed_at, l.product_id, l.category"
                        + " FROM rtn_order o JOIN rtn_order_line l ON l.order_id = o.order_id"
                        + " WHERE o.status <> 'CANCELLED' AND o.order_id IN (" + marks + ")"
                        + " ORDER BY o.placed_at, o.order_id, l.line_no", rs -> {
                            String orderId = rs.getString(2);
                            if (appending.contains(orderId) || !log.containsOrder(orderId)) {
                                appending.add(orderId);
                                log.addPurchase(customerKey(rs.getString(1)), orderId, rs.getString(4),
                                        rs.getString(5), UtcTime.read(rs, "placed_at"));
                                touched.add(rs.getString(4));
                            }
                        }, fresh.toArray());
            }
            jdbc.batchUpdate("DELETE FROM rtn_reco_pending WHERE order_id = ?",
                    batch.stream().map(id -> new Object[] {id}).toList());
        }
        return touched;
    }

    public Interactions load(Instant signalsSince) {
        Interactions data = new Interactions();
        jdbc.query("SELECT o.customer_id, o.order_id, o.placed_at, l.product_id, l.category"
                + " FROM rtn_order o JOIN rtn_order_line l ON l.order_id = o.order_id"
                + " WHERE o.status <> 'CANCELLED' ORDER BY o.placed_at, o.order_id, l.line_no", rs -> {
                    data.addPurchase(customerKey(rs.getString(1)), rs.getString(2), rs.getString(4),
                            rs.getString(5), UtcTime.read(rs, "placed_at"));
                });
        if (viewWeight > 0f || cartWeight > 0f) {
            jdbc.query("SELECT user_key, product_id, kind, occurred_at FROM rtn_reco_signal WHERE occurred_at >= ?",
                    rs -> {
                        float weight = SignalRecorder.CART.equals(rs.getString(3)) ? cartWeight : viewWeight;
                        if (weight > 0f) {
                            data.addSignal(rs.getString(1), rs.getString(2), weight,
                                    UtcTime.read(rs, "occurred_at"));
                        }
                    }, UtcTime.toColumn(signalsSince));
        }
        return data;
    }
}
