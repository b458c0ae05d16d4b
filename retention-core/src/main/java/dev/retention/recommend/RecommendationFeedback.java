package dev.retention.recommend;

import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Impressions and clicks of shown recommendations ({@code rtn_reco_event}) and the report built on them:
 * impressions, click-through rate and attributed revenue per placement. A line of an order (not cancelled) is
 * attributed when the same signed-in customer clicked that product in a recommendation within
 * {@link #ATTRIBUTION_WINDOW} before placing the order; the latest such click's placement gets it, and each line
 * counts once. Revenue is the line's net amount converted to the base currency at the order's own rate
 * ({@code base_total / total}).
 */
public class RecommendationFeedback {

    /** How long after a click an order still counts as caused by it. */
    public static final Duration ATTRIBUTION_WINDOW = Duration.ofHours(24);

    /** What the shopper did with a shown recommendation. */
    public enum Kind {
        IMPRESSION, CLICK
    }

    /** Figures of one placement over a period. */
    public record PlacementStats(Placement placement, long impressions, long clicks, double clickThroughRate,
            long attributedOrders, BigDecimal attributedRevenue) {
    }

    private final JdbcClient jdbc;

    public RecommendationFeedback(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one event per product; {@code customerId} is null for guests. */
    public void record(Kind kind, Placement placement, Collection<String> productIds, String customerId,
            String sessionId, Instant at) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(placement, "placement");
        for (String productId : productIds) {
            jdbc.sql("INSERT INTO rtn_reco_event (kind, placement, product_id, customer_id, session_id, occurred_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(kind.name(), placement.name(), productId, customerId, sessionId, UtcTime.toColumn(at))
                    .update();
        }
    }

    /** Per placement, events in {@code [from, to)} and orders they led to. */
    public List<PlacementStats> report(Instant from, Instant to) {
        Map<Placement, long[]> counts = new TreeMap<>();
        for (Placement placement : Placement.values()) {
            counts.put(placement, new long[2]);
        }
        jdbc.sql("SELECT placement, kind, COUNT(*) FROM rtn_reco_event WHERE occurred_at >= ? AND occurred_at < ?"
                        + " GROUP BY placement, kind")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to))
                .query(rs -> {
                    long[] c = counts.get(Placement.valueOf(rs.getString(1)));
                    c[Kind.valueOf(rs.getString(2)) == Kind.IMPRESSION ? 0 : 1] += rs.getLong(3);
                });

        record Attributed(String orderId, int lineNo, Instant placedAt, Instant clickedAt, Placement placement,
                BigDecimal baseAmount) {
        }
        List<Attributed> joined = jdbc.sql("SELECT o.order_id, l.line_no, o.placed_at, e.occurred_at, e.placement,"
                        + " l.unit_price * l.quantity - l.line_discount AS net, o.total, o.base_total"
                        + " FROM rtn_reco_event e"
                        + " JOIN rtn_order o ON o.customer_id = e.customer_id AND o.placed_at >= e.occurred_at"
                        + " JOIN rtn_order_line l ON l.order_id = o.order_id AND l.product_id = e.product_id"
                        + " WHERE e.kind = 'CLICK' AND e.occurred_at >= ? AND e.occurred_at < ?"
                        + " AND o.status <> 'CANCELLED' AND o.placed_at < ?")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to), UtcTime.toColumn(to.plus(ATTRIBUTION_WINDOW)))
                .query((rs, n) -> {
                    BigDecimal total = rs.getBigDecimal("total");
                    BigDecimal net = rs.getBigDecimal("net");
                    BigDecimal base = total.signum() == 0 ? net
                            : net.multiply(rs.getBigDecimal("base_total")).divide(total, 4, RoundingMode.HALF_UP);
                    return new Attributed(rs.getString(1), rs.getInt(2), UtcTime.read(rs, "placed_at"),
                            UtcTime.read(rs, "occurred_at"), Placement.valueOf(rs.getString(5)), base);
                })
                .list();
        Map<String, Attributed> latestClickPerLine = new HashMap<>();
        for (Attributed a : joined) {
            if (a.clickedAt().plus(ATTRIBUTION_WINDOW).isBefore(a.placedAt())) {
                continue;
            }
            latestClickPerLine.merge(a.orderId() + "#" + a.lineNo(), a,
                    (x, y) -> y.clickedAt().isAfter(x.clickedAt()) ? y : x);
        }
        Map<Placement, BigDecimal> revenue = new HashMap<>();
        Map<Placement, Set<String>> orders = new HashMap<>();
        for (Attributed a : latestClickPerLine.values()) {
            revenue.merge(a.placement(), a.baseAmount(), BigDecimal::add);
            orders.computeIfAbsent(a.placement(), p -> new HashSet<>()).add(a.orderId());
        }
        List<PlacementStats> stats = new ArrayList<>();
        counts.forEach((placement, c) -> stats.add(new PlacementStats(placement, c[0], c[1],
                c[0] == 0 ? 0.0 : (double) c[1] / c[0], orders.getOrDefault(placement, Set.of()).size(),
                revenue.getOrDefault(placement, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP))));
        return stats;
    }
}
