package dev.retention.customer.web;

import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.RfmScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analytics sections of the customer view: RFM segment (with its history) and the CLV / churn prediction. */
final class AnalyticsCustomerInsights {

    private AnalyticsCustomerInsights() {
    }

    /** {@code rfm}: the latest scores and segment, and the segments of earlier runs. */
    static CustomerAdminController.CustomerInsight rfm(RfmScores scores) {
        return new CustomerAdminController.CustomerInsight() {
            @Override
            public String section() {
                return "rfm";
            }

            @Override
            public Object describe(String customerId) {
                List<RfmScores.CustomerScore> history = scores.history(customerId);
                if (history.isEmpty()) {
                    return null;
                }
                RfmScores.CustomerScore latest = history.get(0);
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("segment", latest.segment().label());
                view.put("recency", latest.recency());
                view.put("frequency", latest.frequency());
                view.put("monetary", latest.monetary());
                view.put("scoredAt", latest.computedAt());
                view.put("history", history.stream().map(s -> Map.of("scoredAt", s.computedAt(), "segment",
                        s.segment().label(), "score", "" + s.recency() + s.frequency() + s.monetary())).toList());
                return view;
            }
        };
    }

    /** {@code prediction}: predicted CLV, probability of being alive, churn risk and next order date. */
    static CustomerAdminController.CustomerInsight prediction(CustomerPredictions predictions) {
        return new CustomerAdminController.CustomerInsight() {
            @Override
            public String section() {
                return "prediction";
            }

            @Override
            public Object describe(String customerId) {
                return predictions.of(customerId).map(p -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("clv", p.clv());
                    view.put("churnRisk", p.label());
                    view.put("probabilityAlive", p.probabilityAlive());
                    view.put("expectedPurchases", p.expectedPurchases());
                    view.put("nextOrderOn", p.nextOrderOn());
                    view.put("highValue", p.highValue());
                    view.put("computedAt", p.computedAt());
                    return view;
                }).orElse(null);
            }
        };
    }
}
