package dev.retention.engage;

import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per flow and variant: what was sent and what it did, and the lift against the flow's holdout. Conversion rate is
 * converted messages / messages (sent or held out); lift is the difference of the two rates with a 95% Wald
 * interval: {@code (p1 - p0) ± 1.96 * sqrt(p1(1-p1)/n1 + p0(1-p0)/n0)}.
 */
public class EngagementReports {

    /** One flow and variant over the period (messages decided in it). */
    public record CampaignRow(String flow, String variant, long sent, long delivered, long opened, long clicked,
            long converted, BigDecimal revenue, long holdout, long holdoutConverted, double conversionRate,
            double holdoutRate, Double lift, Double liftLow, Double liftHigh) {
    }

    private final JdbcClient jdbc;

    public EngagementReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CampaignRow> campaigns(Instant from, Instant to) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        jdbc.sql("SELECT m.flow, m.variant,"
                        + " SUM(CASE WHEN m.status IN ('PENDING', 'SENDING', 'SENT', 'FAILED') THEN 1 ELSE 0 END) AS sent,"
                        + " SUM(CASE WHEN m.status = 'SENT' THEN 1 ELSE 0 END) AS delivered,"
                        + " SUM(CASE WHEN m.opened_at IS NOT NULL THEN 1 ELSE 0 END) AS opened,"
                        + " SUM(CASE WHEN m.clicked_at IS NOT NULL THEN 1 ELSE 0 END) AS clicked,"
                        + " SUM(CASE WHEN m.status = 'HOLDOUT' THEN 1 ELSE 0 END) AS holdout"
                        + " FROM rtn_engage_message m WHERE m.decided_at >= ? AND m.decided_at < ?"
                        + " AND m.flow <> 'detractor-alert' GROUP BY m.flow, m.variant ORDER BY m.flow, m.variant")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to))
                .query((rs, n) -> counts.put(rs.getString("flow") + "|" + rs.getString("variant"), new long[] {
                    rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("opened"), rs.getLong("clicked"),
                    rs.getLong("holdout"), 0, 0}))
                .list();
        jdbc.sql("SELECT m.flow, m.variant, c.holdout, COUNT(DISTINCT c.message_id) AS converted,"
                        + " SUM(c.revenue) AS revenue FROM rtn_engage_conversion c JOIN rtn_engage_message m"
                        + " ON m.message_id = c.message_id WHERE m.decided_at >= ? AND m.decided_at < ?"
                        + " GROUP BY m.flow, m.variant, c.holdout")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to))
                .query((rs, n) -> {
                    String key = rs.getString("flow") + "|" + rs.getString("variant");
                    long[] row = counts.computeIfAbsent(key, k -> new long[7]);
                    if (rs.getBoolean("holdout")) {
                        row[6] = rs.getLong("converted");
                    } else {
                        row[5] = rs.getLong("converted");
                        revenue.put(key, rs.getBigDecimal("revenue"));
                    }
                    return key;
                })
                .list();
        List<CampaignRow> rows = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            String[] key = entry.getKey().split("\\|", 2);
            long[] c = entry.getValue();
            rows.add(row(key[0], key[1], c[0], c[1], c[2], c[3], c[5],
                    revenue.getOrDefault(entry.getKey(), BigDecimal.ZERO), c[4], c[6]));
        }
        return rows;
    }

    static CampaignRow row(String flow, String variant, long sent, long delivered, long opened, long clicked,
            long converted, BigDecimal revenue, long holdout, long holdoutConverted) {
        double p1 = sent == 0 ? 0 : (double) converted / sent;
        double p0 = holdout == 0 ? 0 : (double) holdoutConverted / holdout;
        Double lift = null;
        Double low = null;
        Double high = null;
        if (sent > 0 && holdout > 0) {
            lift = p1 - p0;
            double se = Math.sqrt(p1 * (1 - p1) / sent + p0 * (1 - p0) / holdout);
            low = lift - 1.96 * se;
            high = lift + 1.96 * se;
        }
        return new CampaignRow(flow, variant, sent, delivered, opened, clicked, converted,
                revenue == null ? BigDecimal.ZERO : revenue, holdout, holdoutConverted, p1, p0, lift, low, high);
    }
}
