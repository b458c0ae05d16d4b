package dev.retention.analytics;

import static dev.retention.analytics.internal.ReportSql.COUNTED;
import static dev.retention.analytics.internal.ReportSql.REVENUE;

import dev.retention.analytics.internal.ReportSql;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.Problems;
import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * KPIs, cohort matrix and retention drivers (DESIGN.md §5), each computed with GROUP BY in the database over
 * rtn_order, rtn_order_line and rtn_customer; only aggregates come back to the JVM. Days and months are those of the
 * reporting zone; cancelled orders never count; revenue is net merchandise less refunds.
 */
public class RetentionReports {

    /** Scale of ratios and money in the reports. */
    public static final int SCALE = 6;
    /** Longest cohort matrix, in months. */
    public static final int MAX_COHORT_MONTHS = 120;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long REPEAT_WINDOW_SECONDS = 365 * SECONDS_PER_DAY;

    private final JdbcClient jdbc;
    private final DatabaseVendor vendor;
    private final ReportingSettings settings;
    private final Clock clock;

    public RetentionReports(JdbcClient jdbc, DatabaseVendor vendor, ReportingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.vendor = vendor;
        this.settings = settings;
        this.clock = clock;
    }

    /** KPIs of the period and of the period of the same length before it. */
    public KpiReport kpis(ReportPeriod period, CustomerFilter filter) {
        ReportingSettings.Options options = settings.options();
        return new KpiReport(period, kpis(period, filter, options), period.previous(),
                kpis(period.previous(), filter, options), filter);
    }

    private Kpis kpis(ReportPeriod period, CustomerFilter filter, ReportingSettings.Options options) {
        ZoneId zone = options.zoneId();
        Duration window = Duration.ofDays(options.activeWindowDays());
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        CustomerFilter.Condition f = filter.on("o.customer_id");

        long s = activeCustomers(from.minus(window), from, f);
        long e = activeCustomers(to.minus(window), to, f);
        long n = newCustomers(from, to, f);
        BigDecimal crr = ratio(BigDecimal.valueOf(e - n), BigDecimal.valueOf(s));
        BigDecimal churn = crr == null ? null : BigDecimal.ONE.subtract(crr);

        Object[] totals = jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT o.customer_id), COALESCE(SUM(" + REVENUE + "), 0)"
                        + " FROM rtn_order o WHERE " + COUNTED + " AND o.placed_at >= ? AND o.placed_at < ? AND "
                        + f.sql())
                .params(params(List.of(UtcTime.toColumn(from), UtcTime.toColumn(to)), f.params()))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)}).single();
        long orders = (Long) totals[0];
        long customers = (Long) totals[1];
        BigDecimal revenue = ((BigDecimal) totals[2]).setScale(4, RoundingMode.HALF_UP);

        long repeatersInPeriod = jdbc.sql("SELECT COUNT(*) FROM (SELECT o.customer_id FROM rtn_order o WHERE "
                        + COUNTED + " AND o.placed_at >= ? AND o.placed_at < ? AND " + f.sql()
                        + " GROUP BY o.customer_id HAVING COUNT(*) >= 2) r")
                .params(params(List.of(UtcTime.toColumn(from), UtcTime.toColumn(to)), f.params()))
                .query(Long.class).single();
        long[] lifetime = jdbc.sql("SELECT COALESCE(SUM(CASE WHEN r.n >= 2 THEN 1 ELSE 0 END), 0), COUNT(*) FROM"
                        + " (SELECT o.customer_id, COUNT(*) n FROM rtn_order o WHERE " + COUNTED
                        + " AND o.placed_at < ? AND " + f.sql() + " GROUP BY o.customer_id) r")
                .params(params(List.of(UtcTime.toColumn(to)), f.params()))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

        BigDecimal returningRevenue = jdbc.sql("SELECT COALESCE(SUM(" + REVENUE + "), 0) FROM rtn_order o JOIN"
                        + " (SELECT o.customer_id, MIN(o.placed_at) first_at FROM rtn_order o WHERE " + COUNTED
                        + " GROUP BY o.customer_id) fo ON fo.customer_id = o.customer_id WHERE " + COUNTED
                        + " AND o.placed_at >= ? AND o.placed_at < ? AND o.placed_at > fo.first_at AND " + f.sql())
                .params(params(List.of(UtcTime.toColumn(from), UtcTime.toColumn(to)), f.params()))
                .query(BigDecimal.class).single();

        BigDecimal topRevenue = BigDecimal.ZERO;
        if (customers > 0) {
            long top = (customers * 20 + 99) / 100; // ceil(20 % of the ordering customers)
            topRevenue = jdbc.sql("SELECT COALESCE(SUM(t.revenue), 0) FROM (SELECT o.customer_id, SUM(" + REVENUE
                            + ") revenue FROM rtn_order o WHERE " + COUNTED
                            + " AND o.placed_at >= ? AND o.placed_at < ? AND " + f.sql()
                            + " GROUP BY o.customer_id ORDER BY revenue DESC, o.customer_id LIMIT " + top + ") t")
                    .params(params(List.of(UtcTime.toColumn(from), UtcTime.toColumn(to)), f.params()))
                    .query(BigDecimal.class).single();
        }

        BigDecimal clv = historicalClv(period, filter, options);
        BigDecimal spend = null;
        BigDecimal cac = null;
        BigDecimal clvToCac = null;
        if (filter.isAll()) {
            spend = settings.spendIn(period);
            cac = n == 0 || spend.signum() == 0 ? null : ratio(spend, BigDecimal.valueOf(n));
            clvToCac = cac == null || clv == null ? null : ratio(clv, cac);
        }
        return new Kpis(s, e, n, crr, churn, customers, orders, revenue,
                ratio(BigDecimal.valueOf(lifetime[0]), BigDecimal.valueOf(lifetime[1])),
                ratio(BigDecimal.valueOf(repeatersInPeriod), BigDecimal.valueOf(customers)),
                ratio(BigDecimal.valueOf(orders), BigDecimal.valueOf(customers)),
                ratio(revenue, BigDecimal.valueOf(orders)), ratio(revenue, BigDecimal.valueOf(customers)),
                ratio(returningRevenue, revenue), ratio(topRevenue, revenue), medianDaysBetweenPurchases(from, to, f),
                clv, spend, cac, clvToCac);
    }

    /**
     * Historical CLV over the 12 months before {@code to}: AOV x orders per ordering customer x expected lifespan
     * in years (1 / annual churn, capped at the maximum lifespan; the cap also applies when churn is zero or
     * negative) x gross margin.
     */
    private BigDecimal historicalClv(ReportPeriod period, CustomerFilter filter, ReportingSettings.Options options) {
        ZoneId zone = options.zoneId();
        ReportPeriod year = new ReportPeriod(period.to().minusYears(1), period.to());
        Instant from = year.start(zone);
        Instant to = year.end(zone);
        Duration window = Duration.ofDays(options.activeWindowDays());
        CustomerFilter.Condition f = filter.on("o.customer_id");
        Object[] totals = jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT o.customer_id), COALESCE(SUM(" + REVENUE + "), 0)"
                        + " FROM rtn_order o WHERE " + COUNTED + " AND o.placed_at >= ? AND o.placed_at < ? AND "
                        + f.sql())
                .params(params(List.of(UtcTime.toColumn(from), UtcTime.toColumn(to)), f.params()))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)}).single();
        long orders = (Long) totals[0];
        long customers = (Long) totals[1];
        if (orders == 0) {
            return null;
        }
        BigDecimal aov = ratio((BigDecimal) totals[2], BigDecimal.valueOf(orders));
        BigDecimal frequency = ratio(BigDecimal.valueOf(orders), BigDecimal.valueOf(customers));
        long s = activeCustomers(from.minus(window), from, f);
        long e = activeCustomers(to.minus(window), to, f);
        long n = newCustomers(from, to, f);
        BigDecimal lifespan = BigDecimal.valueOf(options.maxLifespanYears());
        if (s > 0) {
            BigDecimal churn = BigDecimal.ONE.subtract(ratio(BigDecimal.valueOf(e - n), BigDecimal.valueOf(s)));
            if (churn.signum() > 0) {
                lifespan = lifespan.min(ratio(BigDecimal.ONE, churn));
            }
        }
        return aov.multiply(frequency).multiply(lifespan).multiply(options.grossMarginPercent())
                .divide(BigDecimal.valueOf(100), SCALE, RoundingMode.HALF_UP);
    }

    private long activeCustomers(Instant from, Instant to, CustomerFilter.Condition f) {
        return jdbc.sql("SELECT COUNT(DISTINCT o.customer_id) FROM rtn_order o WHERE " + COUNTED
                        + " AND o.placed_at >= ? AND o.placed_at < ? AND " + f.sql())
                .params(params(List.of(UtcTime.toColumn(from), UtcTime.toColumn(to)), f.params()))
                .query(Long.class).single();
    }

    private long newCustomers(Instant from, Instant to, CustomerFilter.Condition f) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT o.customer_id FROM rtn_order o WHERE " + COUNTED + " AND "
                        + f.sql() + " GROUP BY o.customer_id HAVING MIN(o.placed_at) >= ? AND MIN(o.placed_at) < ?) nc")
                .params(params(f.params(), List.of(UtcTime.toColumn(from), UtcTime.toColumn(to))))
                .query(Long.class).single();
    }

    /** Median of the gaps (in days) between a customer's consecutive orders where the later order is in P. */
    private BigDecimal medianDaysBetweenPurchases(Instant from, Instant to, CustomerFilter.Condition f) {
        String gaps = "SELECT " + ReportSql.secondsBetween(vendor, "g.placed_at", "g.prev_at") + " gap FROM"
                + " (SELECT o.placed_at, LAG(o.placed_at) OVER (PARTITION BY o.customer_id ORDER BY o.placed_at,"
                + " o.order_id) prev_at FROM rtn_order o WHERE " + COUNTED + " AND o.placed_at < ? AND " + f.sql()
                + ") g WHERE g.placed_at >= ? AND g.prev_at IS NOT NULL";
        List<Object> params = params(params(List.of(UtcTime.toColumn(to)), f.params()),
                List.of(UtcTime.toColumn(from)));
        long count = jdbc.sql("SELECT COUNT(*) FROM (" + gaps + ") c").params(params).query(Long.class).single();
        if (count == 0) {
            return null;
        }
        List<Long> middle = jdbc.sql("SELECT m.gap FROM (" + gaps + ") m ORDER BY m.gap LIMIT "
                        + (count % 2 == 0 ? 2 : 1) + " OFFSET " + ((count - 1) / 2))
                .params(params).query(Long.class).list();
        long sum = middle.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(SECONDS_PER_DAY * middle.size()), SCALE,
                RoundingMode.HALF_UP);
    }

    /**
     * The cohort matrix for first-order months from the month of {@code from} to the month before {@code to}
     * (a month containing {@code to - 1 day}), with order months up to {@code to}.
     */
    public CohortMatrix cohorts(ReportPeriod period, CustomerFilter filter) {
        ZoneId zone = settings.options().zoneId();
        YearMonth first = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to().minusDays(1));
        int months = (int) (last.getYear() * 12L + last.getMonthValue() - first.getYear() * 12L
                - first.getMonthValue()) + 1;
        if (months > MAX_COHORT_MONTHS) {
            throw new Problems.FieldException(400, "Invalid request", "from",
                    "from: a cohort matrix covers at most " + MAX_COHORT_MONTHS + " months, this period has " + months);
        }
        List<Instant> boundaries = new ArrayList<>();
        for (int i = 0; i <= months; i++) {
            boundaries.add(first.plusMonths(i).atDay(1).atStartOfDay(zone).toInstant());
        }
        Instant start = boundaries.get(0);
        Instant end = period.end(zone);
        CustomerFilter.Condition f = filter.on("o.customer_id");
        String cohortCase = ReportSql.bucketIndex("fo.first_at", boundaries.size());
        String monthCase = ReportSql.bucketIndex("o.placed_at", boundaries.size());
        List<Object> params = new ArrayList<>();
        params.addAll(ReportSql.caseParams(boundaries));
        params.addAll(ReportSql.caseParams(boundaries));
        params.addAll(f.params());
        params.add(UtcTime.toColumn(start));
        params.add(UtcTime.toColumn(end));
        params.add(UtcTime.toColumn(start));
        params.add(UtcTime.toColumn(end));
        String sql = "SELECT x.cohort, x.month_index, COUNT(DISTINCT x.customer_id), SUM(x.revenue) FROM"
                + " (SELECT o.customer_id, " + cohortCase + " cohort, " + monthCase + " month_index, " + REVENUE
                + " revenue FROM rtn_order o JOIN (SELECT o.customer_id, MIN(o.placed_at) first_at FROM rtn_order o"
                + " WHERE " + COUNTED + " AND " + f.sql() + " GROUP BY o.customer_id HAVING MIN(o.placed_at) >= ?"
                + " AND MIN(o.placed_at) < ?) fo ON fo.customer_id = o.customer_id WHERE " + COUNTED
                + " AND o.placed_at >= ? AND o.placed_at < ?) x GROUP BY x.cohort, x.month_index";
        Map<Integer, Map<Integer, Object[]>> cells = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query((rs, i) -> {
            cells.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>())
                    .put(rs.getInt(2), new Object[] {rs.getLong(3), rs.getBigDecimal(4)});
            return null;
        }).list();
        List<CohortMatrix.Cohort> cohorts = new ArrayList<>();
        for (int c = 0; c < months; c++) {
            Map<Integer, Object[]> row = cells.getOrDefault(c, Map.of());
            Object[] own = row.get(c);
            long size = own == null ? 0 : (Long) own[0];
            List<CohortMatrix.Cell> line = new ArrayList<>();
            for (int m = c; m < months; m++) {
                Object[] cell = row.get(m);
                long active = cell == null ? 0 : (Long) cell[0];
                BigDecimal revenue = cell == null ? BigDecimal.ZERO.setScale(4)
                        : ((BigDecimal) cell[1]).setScale(4, RoundingMode.HALF_UP);
                line.add(new CohortMatrix.Cell(m - c, active, ratio(BigDecimal.valueOf(active),
                        BigDecimal.valueOf(size)), revenue));
            }
            cohorts.add(new CohortMatrix.Cohort(first.plusMonths(c), size, line));
        }
        return new CohortMatrix(period, cohorts);
    }

    /**
     * 12-month repeat rate by first-order category, channel, discount used and referred, for customers whose first
     * counted order is in the period and at least 365 days before now (so the whole window is observed).
     */
    public List<RetentionDriver> drivers(ReportPeriod period, CustomerFilter filter) {
        ZoneId zone = settings.options().zoneId();
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        Instant matured = clock.instant().minusSeconds(REPEAT_WINDOW_SECONDS);
        Instant until = to.isBefore(matured) ? to : matured;
        List<RetentionDriver> rows = new ArrayList<>();
        if (!from.isBefore(until)) {
            return rows;
        }
        CustomerFilter.Condition f = filter.on("fo.customer_id");
        String firstOrders = "SELECT r.customer_id, MIN(CASE WHEN r.rn = 1 THEN r.order_id END) first_order,"
                + " MIN(CASE WHEN r.rn = 1 THEN r.placed_at END) first_at,"
                + " MIN(CASE WHEN r.rn = 2 THEN r.placed_at END) second_at FROM (SELECT o.customer_id, o.order_id,"
                + " o.placed_at, ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.placed_at, o.order_id) rn"
                + " FROM rtn_order o WHERE " + COUNTED + ") r WHERE r.rn <= 2 GROUP BY r.customer_id";
        String repeated = "CASE WHEN fo.second_at IS NOT NULL AND "
                + ReportSql.secondsBetween(vendor, "fo.second_at", "fo.first_at") + " <= " + REPEAT_WINDOW_SECONDS
                + " THEN 1 ELSE 0 END";
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("category", "COALESCE(l.category, '(none)')");
        dimensions.put("channel", "COALESCE(o.channel, '(none)')");
        dimensions.put("discount", "CASE WHEN o.base_discounts > 0 OR o.coupon_codes IS NOT NULL THEN 'yes'"
                + " ELSE 'no' END");
        dimensions.put("referred", "CASE WHEN c.referral_code IS NOT NULL THEN 'yes' ELSE 'no' END");
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
            String sql = "SELECT d.attr, COUNT(*), SUM(d.repeated) FROM (SELECT " + dimension.getValue() + " attr, "
                    + repeated + " repeated FROM (" + firstOrders + ") fo JOIN rtn_order o ON o.order_id ="
                    + " fo.first_order LEFT JOIN rtn_order_line l ON l.order_id = fo.first_order AND l.line_no = 1"
                    + " LEFT JOIN rtn_customer c ON c.customer_id = fo.customer_id WHERE fo.first_at >= ?"
                    + " AND fo.first_at < ? AND " + f.sql() + ") d GROUP BY d.attr ORDER BY d.attr";
            jdbc.sql(sql).params(params(List.of(UtcTime.toColumn(from), UtcTime.toColumn(until)), f.params()))
                    .query((rs, i) -> rows.add(new RetentionDriver(dimension.getKey(), rs.getString(1), rs.getLong(2),
                            rs.getLong(3), ratio(BigDecimal.valueOf(rs.getLong(3)), BigDecimal.valueOf(rs.getLong(2))))))
                    .list();
        }
        return rows;
    }

    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    private static List<Object> params(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
