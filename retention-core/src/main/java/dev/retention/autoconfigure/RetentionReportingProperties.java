package dev.retention.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics and reporting settings, under {@code retention.reporting.*} (DESIGN.md §5). The reporting zone, active
 * window, lifespan cap and gross margin are defaults: an admin may override them through the settings API.
 *
 * @param zone                 time zone in which orders are bucketed into days and months
 * @param activeWindow         a customer is active at an instant if they ordered in this window before it
 * @param maxLifespanYears     cap on the expected lifespan (1 / annual churn) in the historical CLV
 * @param grossMarginPercent   gross margin applied to the historical CLV, in percent (100 = revenue-based CLV)
 * @param scoringInterval      how often the RFM and prediction jobs recompute (0 = only on demand)
 * @param clvHorizonMonths     horizon of the predictive CLV, in months
 * @param monthlyDiscountRate  monthly discount rate of the predictive CLV (0.01 = 1 % a month)
 * @param predictionDays       horizon of the stored "expected purchases" forecast, in days
 * @param highValueShare       share of customers, by historical revenue, counted as high-value (0.2 = top 20 %)
 * @param segmentSizeInterval  how often the size of every saved segment is stored (0 = only on demand); sizes are
 *                             kept per day, a second run on the same day replaces that day's size
 */
@ConfigurationProperties("retention.reporting")
public record RetentionReportingProperties(@DefaultValue("UTC") ZoneId zone,
        @DefaultValue("365d") Duration activeWindow, @DefaultValue("10") int maxLifespanYears,
        @DefaultValue("100") BigDecimal grossMarginPercent, @DefaultValue("24h") Duration scoringInterval,
        @DefaultValue("12") int clvHorizonMonths, @DefaultValue("0.01") double monthlyDiscountRate,
        @DefaultValue("90") int predictionDays, @DefaultValue("0.2") double highValueShare,
        @DefaultValue("24h") Duration segmentSizeInterval) {

    public RetentionReportingProperties {
        if (activeWindow.isNegative() || activeWindow.isZero()) {
            throw new IllegalArgumentException("retention.reporting.active-window: must be positive, was "
                    + activeWindow);
        }
        if (maxLifespanYears < 1) {
            throw new IllegalArgumentException("retention.reporting.max-lifespan-years: must be at least 1, was "
                    + maxLifespanYears);
        }
        if (grossMarginPercent.signum() <= 0 || grossMarginPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("retention.reporting.gross-margin-percent: must be in (0, 100], was "
                    + grossMarginPercent);
        }
        if (clvHorizonMonths < 1) {
            throw new IllegalArgumentException("retention.reporting.clv-horizon-months: must be at least 1, was "
                    + clvHorizonMonths);
        }
        if (!(monthlyDiscountRate >= 0 && monthlyDiscountRate < 1)) {
            throw new IllegalArgumentException("retention.reporting.monthly-discount-rate: must be in [0, 1), was "
                    + monthlyDiscountRate);
        }
        if (predictionDays < 1) {
            throw new IllegalArgumentException("retention.reporting.prediction-days: must be at least 1, was "
                    + predictionDays);
        }
        if (!(highValueShare > 0 && highValueShare <= 1)) {
            throw new IllegalArgumentException("retention.reporting.high-value-share: must be in (0, 1], was "
                    + highValueShare);
        }
    }
}
