package dev.retention.analytics;

/** KPIs of a period next to those of the period of the same length just before it. */
public record KpiReport(ReportPeriod period, Kpis current, ReportPeriod previousPeriod, Kpis previous,
        CustomerFilter filter) {
}
