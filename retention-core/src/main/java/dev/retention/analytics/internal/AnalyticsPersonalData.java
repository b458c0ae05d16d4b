package dev.retention.analytics.internal;

import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.RfmScores;
import dev.retention.privacy.PersonalDataHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports and erases what analytics derived about a customer: RFM scores of every run and the stored prediction.
 * Both are derived from orders (which stay, so reports reconcile) and are deleted outright on erasure; the next runs
 * recompute nothing for an erased customer only if the host stops sending their orders, which is the host's call.
 */
public class AnalyticsPersonalData implements PersonalDataHandler {

    private final RfmScores scores;
    private final CustomerPredictions predictions;

    public AnalyticsPersonalData(RfmScores scores, CustomerPredictions predictions) {
        this.scores = scores;
        this.predictions = predictions;
    }

    @Override
    public String section() {
        return "analytics";
    }

    @Override
    public Map<String, Object> export(String customerId) {
        List<Map<String, Object>> history = new ArrayList<>();
        for (RfmScores.CustomerScore s : scores.history(customerId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("computedAt", s.computedAt().toString());
            row.put("recency", s.recency());
            row.put("frequency", s.frequency());
            row.put("monetary", s.monetary());
            row.put("segment", s.segment().name());
            history.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rfmHistory", history);
        predictions.of(customerId).ifPresent(p -> {
            Map<String, Object> prediction = new LinkedHashMap<>();
            prediction.put("computedAt", p.computedAt().toString());
            prediction.put("probabilityAlive", p.probabilityAlive());
            prediction.put("churnRisk", p.churnRisk());
            prediction.put("churnRiskLabel", p.label().name());
            prediction.put("expectedPurchases", p.expectedPurchases());
            prediction.put("clv", p.clv());
            prediction.put("nextOrderOn", p.nextOrderOn() == null ? null : p.nextOrderOn().toString());
            out.put("prediction", prediction);
        });
        return out;
    }

    @Override
    public void erase(String customerId, Instant erasedAt) {
        scores.forget(customerId);
        predictions.forget(customerId);
    }
}
