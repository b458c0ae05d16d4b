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

    /**
     * KPIs of the period and of the period of the same length before it. Everything that is a count or a sum per
     * customer comes from one GROUP BY pass over the orders before {@code to} that computes, per customer, the
     * conditional counts for P, the previous period and both trailing years at once; returning revenue, the top-20 %
     * share and the median gap take one query each per period.
     */
    public KpiReport kpis(ReportPeriod period, CustomerFilter filter) {
        ReportingSettings.Options options = settings.options();
        ZoneId zone = options.zoneId();
        Duration window = Duration.ofDays(options.activeWindowDays());
        ReportPeriod previous = period.previous();
        Instant t = period.end(zone);
        Instant f = period.start(zone);
        Instant fp = previous.start(zone);
        Instant y = period.to().minusYears(1).atStartOfDay(zone).toInstant();
        Instant yp = period.from().minusYears(1).atStartOfDay(zone).toInstant();
        Named cond = Named.of(filter.on("o.customer_id"));

        Map<String, Object> p = new LinkedHashMap<>(cond.params());
        p.put("t", UtcTime.toColumn(t));
        p.put("f", UtcTime.toColumn(f));
        p.put("fp", UtcTime.toColumn(fp));
        p.put("y", UtcTime.toColumn(y));
        p.put("yp", UtcTime.toColumn(yp));
        p.put("tw", UtcTime.toColumn(t.minus(window)));
        p.put("fw", UtcTime.toColumn(f.minus(window)));
        p.put("fpw", UtcTime.toColumn(fp.minus(window)));
        p.put("yw", UtcTime.toColumn(y.minus(window)));
        p.put("ypw", UtcTime.toColumn(yp.minus(window)));
        String between = "CASE WHEN o.placed_at >= :%s AND o.placed_at < :%s THEN %s ELSE 0 END";
        String inner = "SELECT o.customer_id, MIN(o.placed_at) first_at, COUNT(*) n_all,"
                + " SUM(CASE WHEN o.placed_at < :f THEN 1 ELSE 0 END) n_before_f,"
                + " MAX(" + String.format(between, "tw", "t", "1") + ") a_t,"
                + " MAX(" + String.format(between, "fw", "f", "1") + ") a_f,"
                + " MAX(" + String.format(between, "fpw", "fp", "1") + ") a_fp,"
                + " MAX(" + String.format(between, "yw", "y", "1") + ") a_y,"
                + " MAX(" + String.format(between, "ypw", "yp", "1") + ") a_yp,"
                + " SUM(" + String.format(between, "f", "t", "1") + ") n_p,"
                + " SUM(" + String.format(between, "f", "t", REVENUE) + ") r_p,"
                + " SUM(" + String.format(between, "fp", "f", "1") + ") n_pp,"
                + " SUM(" + String.format(between, "fp", "f", REVENUE) + ") r_pp,"
                + " SUM(" + String.format(between, "y", "t", "1") + ") n_y,"
                + " SUM(" + String.format(between, "y", "t", REVENUE) + ") r_y,"
                + " SUM(" + String.format(between, "yp", "f", "1") + ") n_yp,"
                + " SUM(" + String.format(between, "yp", "f", REVENUE) + ") r_yp"
                + " FROM rtn_order o WHERE " + COUNTED + " AND o.placed_at < :t AND " + cond.sql()
                + " GROUP BY o.customer_id";
        String outer = "SELECT SUM(c.a_f), SUM(c.a_t), SUM(c.a_fp), SUM(c.a_y), SUM(c.a_yp),"
                + " SUM(CASE WHEN c.first_at >= :f THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.first_at >= :fp AND c.first_at < :f THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.first_at >= :y THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.first_at >= :yp AND c.first_at < :f THEN 1 ELSE 0 END),"
                + " COUNT(*), SUM(CASE WHEN c.n_all >= 2 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.n_before_f >= 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.n_before_f >= 2 THEN 1 ELSE 0 END),"
                + " SUM(c.n_p), SUM(CASE WHEN c.n_p > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN c.n_p >= 2 THEN 1 ELSE 0 END),"
                + " SUM(c.r_p),"
                + " SUM(c.n_pp), SUM(CASE WHEN c.n_pp > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.n_pp >= 2 THEN 1 ELSE 0 END), SUM(c.r_pp),"
                + " SUM(c.n_y), SUM(CASE WHEN c.n_y > 0 THEN 1 ELSE 0 END), SUM(c.r_y),"
                + " SUM(c.n_yp), SUM(CASE WHEN c.n_yp > 0 THEN 1 ELSE 0 END), SUM(c.r_yp)"
                + " FROM (" + inner + ") c";
        Object[] a = jdbc.sql(outer).params(p).query((rs, i) -> {
            Object[] row = new Object[27];
            for (int k = 0; k < row.length; k++) {
                BigDecimal value = rs.getBigDecimal(k + 1);
                row[k] = value == null ? BigDecimal.ZERO : value;
            }
            return row;
        }).single();
        BigDecimal[] v = java.util.Arrays.copyOf(a, a.length, BigDecimal[].class);
        long s = v[0].longValue();
        long e = v[1].longValue();
        long sp = v[2].longValue();
        long sy = v[3].longValue();
        long syp = v[4].longValue();
        long n = v[5].longValue();
        long np = v[6].longValue();
        long ny = v[7].longValue();
        long nyp = v[8].longValue();

        Sequence seq = sequenceFacts(p, cond);
        BigDecimal clv = historicalClv(v[21].longValue(), v[22].longValue(), v[23], sy, e, ny, options);
        BigDecimal clvBefore = historicalClv(v[24].longValue(), v[25].longValue(), v[26], syp, s, nyp, options);
        Kpis current = kpis(s, e, n, v[10].longValue(), v[9].longValue(), v[13].longValue(), v[14].longValue(),
                v[15].longValue(), v[16], seq.returningRevenue(), top20(f, t, v[14].longValue(), cond),
                seq.medianGapDays(), clv, filter.isAll() ? settings.spendIn(period) : null);
        Kpis before = kpis(sp, s, np, v[12].longValue(), v[11].longValue(), v[17].longValue(), v[18].longValue(),
                v[19].longValue(), v[20], seq.previousReturningRevenue(), top20(fp, f, v[18].longValue(), cond),
                seq.previousMedianGapDays(), clvBefore, filter.isAll() ? settings.spendIn(previous) : null);
        return new KpiReport(period, current, previous, before, filter);
    }

    private static Kpis kpis(long s, long e, long n, long lifetimeRepeaters, long lifetimeCustomers, long orders,
            long customers, long repeaters, BigDecimal revenue, BigDecimal returningRevenue, BigDecimal topRevenue,
            BigDecimal medianGap, BigDecimal clv, BigDecimal spend) {
        BigDecimal crr = ratio(BigDecimal.valueOf(e - n), BigDecimal.valueOf(s));
        BigDecimal churn = crr == null ? null : BigDecimal.ONE.subtract(crr);
        BigDecimal money = revenue.setScale(4, RoundingMode.HALF_UP);
        BigDecimal cac = spend == null || n == 0 || spend.signum() == 0 ? null : ratio(spend, BigDecimal.valueOf(n));
        BigDecimal clvToCac = cac == null || clv == null ? null : ratio(clv, cac);
        return new Kpis(s, e, n, crr, churn, customers, orders, money,
                ratio(BigDecimal.valueOf(lifetimeRepeaters), BigDecimal.valueOf(lifetimeCustomers)),
                ratio(BigDecimal.valueOf(repeaters), BigDecimal.valueOf(customers)),
                ratio(BigDecimal.valueOf(orders), BigDecimal.valueOf(customers)),
                ratio(money, BigDecimal.valueOf(orders)), ratio(money, BigDecimal.valueOf(customers)),
                ratio(returningRevenue, money), customers == 0 ? null : ratio(topRevenue, money), medianGap, clv,
                spend, cac, clvToCac);
    }

    /**
     * Historical CLV over a trailing year: AOV x orders per ordering customer x expected lifespan in years
     * (1 / annual churn, capped at the maximum lifespan; the cap also applies when churn is zero or negative or S is
     * empty) x gross margin.
     */
    private static BigDecimal historicalClv(long orders, long customers, BigDecimal revenue, long s, long e, long n,
            ReportingSettings.Options options) {
        if (orders == 0) {
            return null;
        }
        BigDecimal aov = ratio(revenue, BigDecimal.valueOf(orders));
        BigDecimal frequency = ratio(BigDecimal.valueOf(orders), BigDecimal.valueOf(customers));
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

    /** Revenue of the top 20 % of the period's ordering customers by their revenue in it (ties by customer id). */
    private BigDecimal top20(Instant from, Instant to, long customers, Named cond) {
        if (customers == 0) {
            return BigDecimal.ZERO;
        }
        Map<String, Object> p = new LinkedHashMap<>(cond.params());
        p.put("pf", UtcTime.toColumn(from));
        p.put("pt", UtcTime.toColumn(to));
        long top = (customers * 20 + 99) / 100; // ceil(20 % of the ordering customers)
        return zero(jdbc.sql("SELECT SUM(t.revenue) FROM (SELECT o.customer_id, SUM(" + REVENUE + ") revenue"
                        + " FROM rtn_order o WHERE " + COUNTED + " AND o.placed_at >= :pf AND o.placed_at < :pt AND "
                        + cond.sql() + " GROUP BY o.customer_id ORDER BY revenue DESC, o.customer_id LIMIT " + top
                        + ") t")
                .params(p).query(BigDecimal.class).single());
    }

    /** What needs each order's predecessor: returning revenue and the median gap, for P and the previous period. */
    private record Sequence(BigDecimal returningRevenue, BigDecimal previousReturningRevenue, BigDecimal medianGapDays,
            BigDecimal previousMedianGapDays) {
    }

    /**
     * One window pass over the counted orders before {@code to}: LAG gives each order its customer's previous order
     * (ordered by time, then order id). An order with a predecessor is a returning order; the gap to it, for orders
     * in P (or the previous period), feeds the median (NULLs, i.e. orders of the other period, are ignored).
     */
    private Sequence sequenceFacts(Map<String, Object> p, Named cond) {
        String gap = ReportSql.secondsBetween(vendor, "g.placed_at", "g.prev_at");
        String rows = "(SELECT CASE WHEN g.placed_at >= :f THEN " + gap + " END gap_p,"
                + " CASE WHEN g.placed_at < :f THEN " + gap + " END gap_pp,"
                + " CASE WHEN g.placed_at >= :f THEN g.revenue ELSE 0 END ret_p,"
                + " CASE WHEN g.placed_at < :f THEN g.revenue ELSE 0 END ret_pp"
                + " FROM (SELECT o.placed_at, " + REVENUE + " revenue, LAG(o.placed_at) OVER (PARTITION BY"
                + " o.customer_id ORDER BY o.placed_at, o.order_id) prev_at FROM rtn_order o WHERE " + COUNTED
                + " AND o.placed_at < :t AND " + cond.sql() + ") g"
                + " WHERE g.placed_at >= :fp AND g.prev_at IS NOT NULL) s";
        String sql = switch (vendor) {
            case POSTGRESQL, H2 -> "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.gap_p),"
                    + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.gap_pp), SUM(s.ret_p), SUM(s.ret_pp) FROM " + rows;
            case MYSQL -> "SELECT MAX(m.med_p), MAX(m.med_pp), SUM(m.ret_p), SUM(m.ret_pp) FROM (SELECT"
                    + " MEDIAN(s.gap_p) OVER () med_p, MEDIAN(s.gap_pp) OVER () med_pp, s.ret_p, s.ret_pp FROM "
                    + rows + ") m";
        };
        return jdbc.sql(sql).params(p).query((rs, i) -> new Sequence(zero(rs.getBigDecimal(3)),
                zero(rs.getBigDecimal(4)), days(rs.getBigDecimal(1)), days(rs.getBigDecimal(2)))).single();
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds == null ? null
                : seconds.divide(BigDecimal.valueOf(SECONDS_PER_DAY), SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A filter condition with named parameters ({@code :filter0}, ...), to combine with other named ones. */
    private record Named(String sql, Map<String, Object> params) {

        static Named of(CustomerFilter.Condition condition) {
            StringBuilder sql = new StringBuilder();
            Map<String, Object> params = new LinkedHashMap<>();
            int index = 0;
            for (char c : condition.sql().toCharArray()) {
                if (c == '?') {
                    String name = "filter" + index;
                    sql.append(':').append(name);
                    params.put(name, condition.params().get(index++));
                } else {
                    sql.append(c);
                }
            }
            return new Named(sql.toString(), params);
        }
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
