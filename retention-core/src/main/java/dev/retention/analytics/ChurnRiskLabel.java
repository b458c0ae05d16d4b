package dev.retention.analytics;

/** Churn risk = 1 - P(alive), labelled as DESIGN.md §5 says: low below 0.3, medium below 0.7, high from 0.7. */
public enum ChurnRiskLabel {
    LOW, MEDIUM, HIGH;

    public static ChurnRiskLabel of(double churnRisk) {
        if (churnRisk < 0.3) {
            return LOW;
        }
        return churnRisk < 0.7 ? MEDIUM : HIGH;
    }
}
