package dev.retention.analytics;

import dev.retention.support.Problems;
import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reporting options an admin may change at runtime (defaults from configuration) and the marketing
 * spend per month that CAC divides by new customers.
 */
public class ReportingSettings {

    private static final String ZONE = "zone";
    private static final String ACTIVE_WINDOW_DAYS = "activeWindowDays";
    private static final String MAX_LIFESPAN_YEARS = "maxLifespanYears";
    private static final String GROSS_MARGIN_PERCENT = "grossMarginPercent";

    /**
     * The reporting options in effect.
     *
     * @param zone               time zone for day and month buckets
     * @param activeWindowDays   active window in days
     * @param maxLifespanYears   cap on the expected lifespan in the historical CLV
     * @param grossMarginPercent gross margin applied to the historical CLV (100 = revenue)
     */
    public record Options(String zone, int activeWindowDays, int maxLifespanYears, BigDecimal grossMarginPercent) {

        /** Validates every field, naming the first bad one. */
        public Options {
            if (zone == null || zone.isBlank()) {
                throw invalid("zone", "zone: is required");
            }
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw invalid("zone", "zone: '" + zone + "' is not a time zone id");
            }
            if (activeWindowDays < 1 || activeWindowDays > 3660) {
                throw invalid("activeWindowDays", "activeWindowDays: must be between 1 and 3660, was "
                        + activeWindowDays);
            }
            if (maxLifespanYears < 1 || maxLifespanYears > 100) {
                throw invalid("maxLifespanYears", "maxLifespanYears: must be between 1 and 100, was "
                        + maxLifespanYears);
            }
            if (grossMarginPercent == null || grossMarginPercent.signum() <= 0
                    || grossMarginPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw invalid("grossMarginPercent", "grossMarginPercent: must be above 0 and at most 100, was "
                        + grossMarginPercent);
            }
        }

        public ZoneId zoneId() {
            return ZoneId.of(zone);
        }
    }

    /** Marketing spend of one month, in the base currency. */
    public record MonthlySpend(YearMonth month, BigDecimal amount) {

        public MonthlySpend {
            if (month == null) {
                throw invalid("month", "month: is required (yyyy-MM)");
            }
            if (amount == null || amount.signum() < 0) {
                throw invalid("amount", "amount: must be zero or more, was " + amount);
            }
        }
    }

    private final JdbcClient jdbc;
    private final Options defaults;
    private final Clock clock;

    public ReportingSettings(JdbcClient jdbc, Options defaults, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Options options() {
        Map<String, String> stored = jdbc.sql("SELECT setting_name, setting_value FROM rtn_analytics_setting")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Options(stored.getOrDefault(ZONE, defaults.zone()),
                Integer.parseInt(stored.getOrDefault(ACTIVE_WINDOW_DAYS,
                        Integer.toString(defaults.activeWindowDays()))),
                Integer.parseInt(stored.getOrDefault(MAX_LIFESPAN_YEARS,
                        Integer.toString(defaults.maxLifespanYears()))),
                new BigDecimal(stored.getOrDefault(GROSS_MARGIN_PERCENT,
                        defaults.grossMarginPercent().toPlainString())));
    }

    /** The options from configuration, before any admin change. */
    public Options defaults() {
        return defaults;
    }

    /** Forgets the admin's changes: the configured defaults apply again. */
    public Options reset() {
        jdbc.sql("DELETE FROM rtn_analytics_setting").update();
        return options();
    }

    /** Stores the options (already validated by their constructor). */
    public Options update(Options options) {
        put(ZONE, options.zone());
        put(ACTIVE_WINDOW_DAYS, Integer.toString(options.activeWindowDays()));
        put(MAX_LIFESPAN_YEARS, Integer.toString(options.maxLifespanYears()));
        put(GROSS_MARGIN_PERCENT, options.grossMarginPercent().toPlainString());
        return options();
    }

    /** Every month with spend entered, oldest first. */
    public List<MonthlySpend> spend() {
        return jdbc.sql("SELECT spend_month, amount FROM rtn_marketing_spend ORDER BY spend_month")
                .query((rs, n) -> new MonthlySpend(YearMonth.parse(rs.getString(1)), rs.getBigDecimal(2)))
                .list();
    }

    /** Sets the spend of each given month (replacing what was entered before for that month). */
    public List<MonthlySpend> updateSpend(List<MonthlySpend> months) {
        for (MonthlySpend spend : months) {
            Object now = UtcTime.toColumn(clock.instant());
            int updated = jdbc.sql("UPDATE rtn_marketing_spend SET amount = ?, updated_at = ? WHERE spend_month = ?")
                    .params(spend.amount(), now, spend.month().toString()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO rtn_marketing_spend (spend_month, amount, updated_at) VALUES (?, ?, ?)")
                        .params(spend.month().toString(), spend.amount(), now).update();
            }
        }
        return spend();
    }

    /**
     * Spend attributable to a period: each month's spend spread evenly over its days, summed over the days of the
     * period (so a period covering half of June gets half of June's spend).
     */
    public BigDecimal spendIn(ReportPeriod period) {
        BigDecimal total = BigDecimal.ZERO;
        for (MonthlySpend spend : spend()) {
            LocalDate monthStart = spend.month().atDay(1);
            LocalDate monthEnd = spend.month().plusMonths(1).atDay(1);
            LocalDate from = period.from().isAfter(monthStart) ? period.from() : monthStart;
            LocalDate to = period.to().isBefore(monthEnd) ? period.to() : monthEnd;
            long overlap = ChronoUnit.DAYS.between(from, to);
            if (overlap > 0) {
                total = total.add(spend.amount().multiply(BigDecimal.valueOf(overlap))
                        .divide(BigDecimal.valueOf(spend.month().lengthOfMonth()), 4, RoundingMode.HALF_UP));
            }
        }
        return total;
    }

    private void put(String name, String value) {
        Object now = UtcTime.toColumn(clock.instant());
        int updated = jdbc.sql("UPDATE rtn_analytics_setting SET setting_value = ?, updated_at = ?"
                        + " WHERE setting_name = ?")
                .params(value, now, name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rtn_analytics_setting (setting_name, setting_value, updated_at)"
                            + " VALUES (?, ?, ?)")
                    .params(name, value, now).update();
        }
    }

    private static Problems.FieldException invalid(String field, String message) {
        return new Problems.FieldException(400, "Invalid request", field, message);
    }
}
