package dev.retention.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Retention by first-order month: for each cohort (customers whose first counted order fell in that month of the
 * reporting zone) and each month since, how many of them ordered and what they spent.
 *
 * @param cohorts one row per cohort month in the period, oldest first
 */
public record CohortMatrix(ReportPeriod period, List<Cohort> cohorts) {

    /**
     * @param month     the cohort's first-order month
     * @param customers cohort size
     * @param cells     month 0 (the first-order month) onwards, up to the end of the period
     */
    public record Cohort(YearMonth month, long customers, List<Cell> cells) {
    }

    /**
     * @param monthOffset months since the cohort month
     * @param customers   cohort customers with an order in that month
     * @param retention   customers / cohort size
     * @param revenue     revenue of those orders
     */
    public record Cell(int monthOffset, long customers, BigDecimal retention, BigDecimal revenue) {
    }
}
