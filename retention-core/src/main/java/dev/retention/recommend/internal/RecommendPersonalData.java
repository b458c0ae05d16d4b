package dev.retention.recommend.internal;

import dev.retention.privacy.PersonalDataHandler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports the customer's recorded views and cart adds and recommendation clicks; erasure deletes the browsing
 * signals and the session ids of the clicks, keeping click and impression counts so the report reconciles.
 */
public class RecommendPersonalData implements PersonalDataHandler {

    private final JdbcClient jdbc;

    public RecommendPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "recommendations";
    }

    @Override
    public Map<String, Object> export(String customerId) {
        Map<String, Object> section = new LinkedHashMap<>();
        List<Map<String, Object>> signals = jdbc.sql("SELECT product_id, kind, occurred_at FROM rtn_reco_signal"
                        + " WHERE customer_id = ? ORDER BY occurred_at, product_id")
                .param(customerId)
                .query((rs, n) -> Map.<String, Object>of("productId", rs.getString(1), "kind", rs.getString(2),
                        "at", String.valueOf(rs.getObject(3))))
                .list();
        List<Map<String, Object>> events = jdbc.sql("SELECT kind, placement, product_id, occurred_at"
                        + " FROM rtn_reco_event WHERE customer_id = ? ORDER BY occurred_at, id")
                .param(customerId)
                .query((rs, n) -> Map.<String, Object>of("kind", rs.getString(1), "placement", rs.getString(2),
                        "productId", rs.getString(3), "at", String.valueOf(rs.getObject(4))))
                .list();
        section.put("browsingSignals", signals);
        section.put("recommendationEvents", events);
        return section;
    }

    @Override
    public void erase(String customerId, Instant erasedAt) {
        jdbc.sql("DELETE FROM rtn_reco_signal WHERE customer_id = ?").param(customerId).update();
        jdbc.sql("UPDATE rtn_reco_event SET session_id = NULL WHERE customer_id = ?").param(customerId).update();
    }
}
