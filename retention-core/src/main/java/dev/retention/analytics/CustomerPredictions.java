package dev.retention.analytics;

import static dev.retention.analytics.internal.ReportSql.COUNTED;
import static dev.retention.analytics.internal.ReportSql.REVENUE;

import dev.retention.ingest.RetentionJob;
import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fits BG/NBD and Gamma-Gamma to the shop's history and stores, per customer, P(alive), churn risk and its label,
 * expected purchases, expected order value, predictive CLV and expected next order date. Recomputed by the
 * {@code analytics.predictions} job; also runs the model check on the shop's own history.
 *
 * <p>Orders are read in customer-id ranges of {@value #CUSTOMERS_PER_CHUNK} customers and folded into per-customer
 * summaries as they arrive, so memory grows with the number of customers, not orders.
 */
public class CustomerPredictions {

    private static final Logger log = LoggerFactory.getLogger(CustomerPredictions.class);
    static final int CUSTOMERS_PER_CHUNK = 5_000;
    /** The models work in weeks, as in the literature (and the CDNOW reference values). */
    public static final ModelTimeUnit UNIT = ModelTimeUnit.WEEKS;

    /** The settings of a prediction run. */
    public record Settings(int predictionDays, int clvHorizonMonths, double monthlyDiscountRate,
            double highValueShare) {
    }

    /** A stored fit. */
    public record Fit(long fitId, Instant fittedAt, int customers, BgNbdModel transactions,
            Optional<GammaGammaModel> spend) {
    }

    /** The stored prediction of one customer. */
    public record Prediction(String customerId, Instant computedAt, int frequency, double recency, double age,
            BigDecimal revenue, double probabilityAlive, double churnRisk, ChurnRiskLabel label, boolean highValue,
            double expectedPurchases, Double expectedOrderValue, BigDecimal clv, LocalDate nextOrderOn) {
    }

    /** Customers per churn-risk label. */
    public record RiskBand(ChurnRiskLabel label, long customers, BigDecimal revenue, BigDecimal clv) {
    }

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReportingSettings reporting;
    private final Settings settings;
    private final Clock clock;

    public CustomerPredictions(JdbcTemplate template, TransactionTemplate tx, ReportingSettings reporting,
            Settings settings, Clock clock) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.tx = tx;
        this.reporting = reporting;
        this.settings = settings;
        this.clock = clock;
    }

    /** Summaries of every customer with a counted order before {@code asOf}, calibration ending on its day. */
    public List<CustomerSummary> summaries(Instant asOf, LocalDate calibrationEnd, LocalDate holdoutEnd,
            ZoneId zone) {
        return summaries(asOf, calibrationEnd, holdoutEnd, zone, new HashMap<>());
    }

    private List<CustomerSummary> summaries(Instant asOf, LocalDate calibrationEnd, LocalDate holdoutEnd,
            ZoneId zone, Map<String, BigDecimal> revenue) {
        List<String> customers = jdbc.sql("SELECT DISTINCT o.customer_id FROM rtn_order o WHERE " + COUNTED
                        + " AND o.placed_at < ? ORDER BY o.customer_id")
                .param(UtcTime.toColumn(asOf)).query(String.class).list();
        List<CustomerSummary> summaries = new ArrayList<>(customers.size());
        for (int start = 0; start < customers.size(); start += CUSTOMERS_PER_CHUNK) {
            String first = customers.get(start);
            String last = customers.get(Math.min(start + CUSTOMERS_PER_CHUNK, customers.size()) - 1);
            String[] current = {null};
            TreeMap<LocalDate, Double> days = new TreeMap<>();
            template.query("SELECT o.customer_id, o.placed_at, " + REVENUE + " revenue FROM rtn_order o WHERE "
                    + COUNTED + " AND o.customer_id >= ? AND o.customer_id <= ? AND o.placed_at < ?"
                    + " ORDER BY o.customer_id, o.placed_at", rs -> {
                        String id = rs.getString(1);
                        if (!id.equals(current[0])) {
                            add(summaries, current[0], days, calibrationEnd, holdoutEnd);
                            current[0] = id;
                        }
                        LocalDate day = LocalDate.ofInstant(UtcTime.read(rs, "placed_at"), zone);
                        BigDecimal value = rs.getBigDecimal(3);
                        days.merge(day, value.doubleValue(), Double::sum);
                        revenue.merge(id, value, BigDecimal::add);
                    }, first, last, UtcTime.toColumn(asOf));
            add(summaries, current[0], days, calibrationEnd, holdoutEnd);
        }
        return summaries;
    }

    private static void add(List<CustomerSummary> summaries, String customerId, TreeMap<LocalDate, Double> days,
            LocalDate calibrationEnd, LocalDate holdoutEnd) {
        if (customerId != null) {
            CustomerSummary s = CustomerSummary.fromDays(customerId, days, UNIT, calibrationEnd, holdoutEnd);
            if (s != null) {
                summaries.add(s);
            }
        }
        days.clear();
    }

    /**
     * Fits both models on all history up to now and replaces every stored prediction; empty while there are no
     * counted orders yet (nothing to fit, nothing stored).
     */
    public Optional<Fit> predict(RetentionJob.JobProgress progress) {
        Instant now = clock.instant();
        ZoneId zone = reporting.options().zoneId();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, BigDecimal> revenues = new HashMap<>();
        List<CustomerSummary> summaries = summaries(now, today, null, zone, revenues);
        if (summaries.isEmpty()) {
            log.info("analytics.fit skipped=no-orders");
            return Optional.empty();
        }
        progress.update(0, summaries.size());
        BgNbdModel transactions = BgNbdModel.fit(summaries);
        Optional<GammaGammaModel> spend = fitSpend(summaries);
        log.info("analytics.fit customers={} r={} alpha={} a={} b={} ll={} spend={}", summaries.size(),
                transactions.r(), transactions.alpha(), transactions.a(), transactions.b(),
                transactions.logLikelihood(), spend.map(GammaGammaModel::toString).orElse("none"));

        List<BigDecimal> sorted = new ArrayList<>(revenues.values());
        sorted.sort(Comparator.reverseOrder());
        int top = (int) Math.ceil(sorted.size() * settings.highValueShare());
        BigDecimal threshold = sorted.get(Math.max(0, top - 1));

        CustomerLifetimeValue clv = spend.map(s -> new CustomerLifetimeValue(transactions, s, UNIT)).orElse(null);
        double horizon = UNIT.fromDays(settings.predictionDays());
        double nextSearch = UNIT.fromDays(365);
        return Optional.of(tx.execute(status -> {
            jdbc.sql("INSERT INTO rtn_model_fit (fitted_at, time_unit, customers, bgnbd_r, bgnbd_alpha, bgnbd_a,"
                            + " bgnbd_b, bgnbd_ll, gg_p, gg_q, gg_gamma, gg_ll) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?)")
                    .params(UtcTime.toColumn(now), UNIT.name(), summaries.size(), transactions.r(),
                            transactions.alpha(), transactions.a(), transactions.b(), transactions.logLikelihood(),
                            spend.map(GammaGammaModel::p).orElse(null), spend.map(GammaGammaModel::q).orElse(null),
                            spend.map(GammaGammaModel::gamma).orElse(null),
                            spend.map(GammaGammaModel::logLikelihood).orElse(null))
                    .update();
            long fitId = jdbc.sql("SELECT MAX(fit_id) FROM rtn_model_fit").query(Long.class).single();
            jdbc.sql("DELETE FROM rtn_customer_prediction").update();
            List<Object[]> rows = new ArrayList<>(1000);
            for (int i = 0; i < summaries.size(); i++) {
                CustomerSummary s = summaries.get(i);
                BigDecimal revenue = revenues.get(s.customerId()).setScale(4, RoundingMode.HALF_UP);
                double alive = transactions.probabilityAlive(s);
                double risk = 1 - alive;
                Double value = spend.map(m -> m.expectedAverageValue(s)).orElse(null);
                BigDecimal customerClv = clv == null ? null : BigDecimal.valueOf(clv.value(s,
                        settings.clvHorizonMonths(), settings.monthlyDiscountRate())).setScale(4, RoundingMode.HALF_UP);
                OptionalDouble next = transactions.timeToNextPurchase(s, nextSearch);
                LocalDate nextOn = next.isPresent() ? today.plusDays(Math.round(UNIT.toDays(next.getAsDouble())))
                        : null;
                rows.add(new Object[] {s.customerId(), fitId, UtcTime.toColumn(now), s.frequency(), s.recency(),
                    s.t(), revenue, alive, risk, ChurnRiskLabel.of(risk).name(), revenue.compareTo(threshold) >= 0,
                    transactions.expectedPurchases(horizon, s), value, customerClv,
                    nextOn == null ? null : Date.valueOf(nextOn)});
                if (rows.size() == 1000 || i == summaries.size() - 1) {
                    template.batchUpdate("INSERT INTO rtn_customer_prediction (customer_id, fit_id, computed_at,"
                            + " frequency, recency, age, revenue, p_alive, churn_risk, risk_label, high_value,"
                            + " expected_purchases, expected_value, clv, next_order_on) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                    rows.clear();
                    progress.update(i + 1, summaries.size());
                }
            }
            return new Fit(fitId, now, summaries.size(), transactions, spend);
        }));
    }

    private static Optional<GammaGammaModel> fitSpend(List<CustomerSummary> summaries) {
        long repeatBuyers = summaries.stream().filter(s -> s.frequency() > 0 && s.monetaryValue() > 0).count();
        if (repeatBuyers < 2) {
            return Optional.empty();
        }
        GammaGammaModel model = GammaGammaModel.fit(summaries);
        // Gamma-Gamma's mean value exists only for q > 1; without it there is no CLV to report.
        return model.q() > 1 ? Optional.of(model) : Optional.empty();
    }

    /** The latest stored fit. */
    public Optional<Fit> latestFit() {
        return jdbc.sql("SELECT fit_id, fitted_at, customers, bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, gg_p, gg_q,"
                        + " gg_gamma FROM rtn_model_fit ORDER BY fit_id DESC")
                .withMaxRows(1)
                .query((rs, i) -> {
                    double p = rs.getDouble(8);
                    Optional<GammaGammaModel> spend = rs.wasNull() ? Optional.empty()
                            : Optional.of(GammaGammaModel.of(p, rs.getDouble(9), rs.getDouble(10)));
                    return new Fit(rs.getLong(1), UtcTime.read(rs, "fitted_at"), rs.getInt(3),
                            BgNbdModel.of(rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)),
                            spend);
                })
                .list().stream().findFirst();
    }

    public Optional<Prediction> of(String customerId) {
        return jdbc.sql(SELECT + " WHERE customer_id = ?").param(customerId).query((rs, i) -> map(rs)).optional();
    }

    /** Customers with a high churn risk among the high-value ones, most valuable first: the win-back list. */
    public List<Prediction> highValueAtRisk(int limit) {
        return jdbc.sql(SELECT + " WHERE risk_label = 'HIGH' AND high_value = ? ORDER BY revenue DESC, customer_id")
                .param(true).withMaxRows(limit).query((rs, i) -> map(rs)).list();
    }

    /** Customers with a stored prediction, by predictive CLV (highest first). */
    public List<Prediction> topByClv(int limit) {
        return jdbc.sql(SELECT + " WHERE clv IS NOT NULL ORDER BY clv DESC, customer_id")
                .withMaxRows(limit).query((rs, i) -> map(rs)).list();
    }

    /** Customers, revenue and predictive CLV per churn-risk label. */
    public List<RiskBand> riskBands() {
        List<RiskBand> bands = new ArrayList<>();
        for (ChurnRiskLabel label : ChurnRiskLabel.values()) {
            bands.add(jdbc.sql("SELECT COUNT(*), COALESCE(SUM(revenue), 0), COALESCE(SUM(clv), 0)"
                            + " FROM rtn_customer_prediction WHERE risk_label = ?")
                    .param(label.name())
                    .query((rs, i) -> new RiskBand(label, rs.getLong(1), rs.getBigDecimal(2).setScale(4,
                            RoundingMode.HALF_UP), rs.getBigDecimal(3).setScale(4, RoundingMode.HALF_UP)))
                    .single());
        }
        return bands;
    }

    /**
     * The model check on the shop's own history: calibration up to and including {@code calibrationEnd}, holdout
     * from the next day up to and including {@code holdoutEnd} (days of the reporting zone).
     */
    public ModelCheck.Report modelCheck(LocalDate calibrationEnd, LocalDate holdoutEnd) {
        ZoneId zone = reporting.options().zoneId();
        Instant until = holdoutEnd.plusDays(1).atStartOfDay(zone).toInstant();
        List<Purchase> purchases = new ArrayList<>();
        template.query("SELECT o.customer_id, o.placed_at, " + REVENUE + " revenue FROM rtn_order o WHERE " + COUNTED
                        + " AND o.placed_at < ?", rs -> {
                    purchases.add(new Purchase(rs.getString(1),
                            LocalDate.ofInstant(UtcTime.read(rs, "placed_at"), zone), rs.getBigDecimal(3).doubleValue()));
                }, UtcTime.toColumn(until));
        return ModelCheck.run(purchases, UNIT, calibrationEnd, holdoutEnd);
    }

    /** Removes the customer's stored prediction (the privacy erasure). */
    public void forget(String customerId) {
        jdbc.sql("DELETE FROM rtn_customer_prediction WHERE customer_id = ?").param(customerId).update();
    }

    private static final String SELECT = "SELECT customer_id, computed_at, frequency, recency, age, revenue, p_alive,"
            + " churn_risk, risk_label, high_value, expected_purchases, expected_value, clv, next_order_on"
            + " FROM rtn_customer_prediction";

    private static Prediction map(java.sql.ResultSet rs) throws java.sql.SQLException {
        double value = rs.getDouble("expected_value");
        Double expectedValue = rs.wasNull() ? null : value;
        Date next = rs.getDate("next_order_on");
        return new Prediction(rs.getString("customer_id"), UtcTime.read(rs, "computed_at"), rs.getInt("frequency"),
                rs.getDouble("recency"), rs.getDouble("age"), rs.getBigDecimal("revenue"), rs.getDouble("p_alive"),
                rs.getDouble("churn_risk"), ChurnRiskLabel.valueOf(rs.getString("risk_label")),
                rs.getBoolean("high_value"), rs.getDouble("expected_purchases"), expectedValue,
                rs.getBigDecimal("clv"), next == null ? null : next.toLocalDate());
    }
}
