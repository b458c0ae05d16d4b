package dev.retention.analytics.web;

import dev.retention.analytics.CohortMatrix;
import dev.retention.analytics.CustomerFilter;
import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.KpiReport;
import dev.retention.analytics.Kpis;
import dev.retention.analytics.ModelCheck;
import dev.retention.analytics.ReportPeriod;
import dev.retention.analytics.RetentionDriver;
import dev.retention.analytics.RetentionReports;
import dev.retention.analytics.RfmScores;
import dev.retention.analytics.RfmSegment;
import dev.retention.support.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics reports of DESIGN.md §7: JSON by default, the report's table as CSV with {@code Accept: text/csv} or
 * {@code ?format=csv}. Filters: {@code segment} (RFM segment), {@code channel} (acquisition channel),
 * {@code referred} (true/false).
 */
@RestController
@RequestMapping("/admin/retention/api/reports")
public class AnalyticsReportsController {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final RetentionReports reports;
    private final RfmScores rfm;
    private final CustomerPredictions predictions;

    public AnalyticsReportsController(RetentionReports reports, RfmScores rfm, CustomerPredictions predictions) {
        this.reports = reports;
        this.rfm = rfm;
        this.predictions = predictions;
    }

    @GetMapping("/kpis")
    public ResponseEntity<?> kpis(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String channel, @RequestParam(required = false) Boolean referred,
            @RequestParam(required = false) String format, @RequestHeader(value = HttpHeaders.ACCEPT,
                    required = false) String accept) {
        KpiReport report = reports.kpis(period(from, to), filter(segment, channel, referred));
        return respond(report, csv(format, accept), r -> kpiCsv(r), "kpis");
    }

    @GetMapping("/cohorts")
    public ResponseEntity<?> cohorts(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String channel, @RequestParam(required = false) Boolean referred,
            @RequestParam(required = false) String format, @RequestHeader(value = HttpHeaders.ACCEPT,
                    required = false) String accept) {
        CohortMatrix matrix = reports.cohorts(period(from, to), filter(segment, channel, referred));
        return respond(matrix, csv(format, accept), m -> {
            Csv out = new Csv("cohort", "cohort_customers", "month_offset", "customers", "retention", "revenue");
            for (CohortMatrix.Cohort c : m.cohorts()) {
                for (CohortMatrix.Cell cell : c.cells()) {
                    out.row(c.month(), c.customers(), cell.monthOffset(), cell.customers(), cell.retention(),
                            cell.revenue());
                }
            }
            return out;
        }, "cohorts");
    }

    @GetMapping("/drivers")
    public ResponseEntity<?> drivers(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String channel, @RequestParam(required = false) Boolean referred,
            @RequestParam(required = false) String format, @RequestHeader(value = HttpHeaders.ACCEPT,
                    required = false) String accept) {
        List<RetentionDriver> drivers = reports.drivers(period(from, to), filter(segment, channel, referred));
        return respond(drivers, csv(format, accept), list -> {
            Csv out = new Csv("dimension", "value", "customers", "repeaters", "repeat_rate_12m");
            list.forEach(d -> out.row(d.dimension(), d.value(), d.customers(), d.repeaters(), d.repeatRate()));
            return out;
        }, "drivers");
    }

    /** Segment sizes of the latest RFM run and the moves since the run before. */
    public record RfmReport(RfmScores.Run run, List<RfmScores.SegmentSize> segments, List<RfmScores.Move> moves) {
    }

    @GetMapping("/rfm")
    public ResponseEntity<?> rfm(@RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RfmReport report = new RfmReport(rfm.latest().orElse(null), rfm.segments(), rfm.moves());
        return respond(report, csv(format, accept), r -> {
            Csv out = new Csv("segment", "label", "customers", "share", "revenue", "avg_r", "avg_f", "avg_m");
            r.segments().forEach(s -> out.row(s.segment(), s.segment().label(), s.customers(), s.share(),
                    s.revenue(), s.averageRecencyScore(), s.averageFrequencyScore(), s.averageMonetaryScore()));
            return out;
        }, "rfm");
    }

    /** The latest model fit and the customers with the highest predictive CLV. */
    public record ClvReport(Map<String, Object> fit, List<CustomerPredictions.Prediction> customers) {
    }

    @GetMapping("/clv")
    public ResponseEntity<?> clv(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ClvReport report = new ClvReport(fit(), predictions.topByClv(limit(limit)));
        return respond(report, csv(format, accept), r -> predictionCsv(r.customers()), "clv");
    }

    /** Customers per churn-risk label and the high-value customers at high risk. */
    public record ChurnRiskReport(List<CustomerPredictions.RiskBand> bands,
            List<CustomerPredictions.Prediction> highValueAtRisk) {
    }

    @GetMapping("/churn-risk")
    public ResponseEntity<?> churnRisk(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ChurnRiskReport report = new ChurnRiskReport(predictions.riskBands(),
                predictions.highValueAtRisk(limit(limit)));
        return respond(report, csv(format, accept), r -> predictionCsv(r.highValueAtRisk()), "churn-risk");
    }

    @GetMapping("/model-check")
    public ResponseEntity<?> modelCheck(@RequestParam(required = false) String calibrationEnd,
            @RequestParam(required = false) String holdoutEnd, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate calibration = date("calibrationEnd", calibrationEnd);
        LocalDate holdout = date("holdoutEnd", holdoutEnd);
        if (!holdout.isAfter(calibration)) {
            throw new Problems.FieldException(400, "Invalid request", "holdoutEnd",
                    "holdoutEnd: must be after calibrationEnd (" + calibration + ")");
        }
        ModelCheck.Report report;
        try {
            report = predictions.modelCheck(calibration, holdout);
        } catch (IllegalArgumentException e) {
            throw new Problems.FieldException(422, "No data", "calibrationEnd", "calibrationEnd: " + e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("calibrationEnd", report.calibrationEnd());
        body.put("holdoutEnd", report.holdoutEnd());
        body.put("unit", report.unit());
        body.put("customers", report.customers());
        body.put("model", bgnbd(report.model()));
        body.put("byFrequency", report.byFrequency());
        body.put("tracking", report.tracking());
        return respond(report, csv(format, accept), r -> {
            Csv out = new Csv("calibration_frequency", "customers", "actual_holdout_mean", "expected_holdout_mean");
            r.byFrequency().forEach(row -> out.row(row.frequency(), row.customers(), row.actualMean(),
                    row.expectedMean()));
            return out;
        }, "model-check", body);
    }

    private Map<String, Object> fit() {
        return predictions.latestFit().map(f -> {
            Map<String, Object> fit = new LinkedHashMap<>();
            fit.put("fittedAt", f.fittedAt());
            fit.put("customers", f.customers());
            fit.put("bgnbd", bgnbd(f.transactions()));
            f.spend().ifPresent(s -> fit.put("gammaGamma", Map.of("p", s.p(), "q", s.q(), "gamma", s.gamma())));
            return fit;
        }).orElse(null);
    }

    private static Map<String, Object> bgnbd(dev.retention.analytics.BgNbdModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("r", m.r());
        out.put("alpha", m.alpha());
        out.put("a", m.a());
        out.put("b", m.b());
        out.put("logLikelihood", Double.isNaN(m.logLikelihood()) ? null : m.logLikelihood());
        return out;
    }

    private static Csv predictionCsv(List<CustomerPredictions.Prediction> list) {
        Csv out = new Csv("customer_id", "revenue", "p_alive", "churn_risk", "label", "high_value",
                "expected_purchases", "expected_order_value", "clv", "next_order_on");
        list.forEach(p -> out.row(p.customerId(), p.revenue(), p.probabilityAlive(), p.churnRisk(), p.label(),
                p.highValue(), p.expectedPurchases(), p.expectedOrderValue(), p.clv(), p.nextOrderOn()));
        return out;
    }

    private static Csv kpiCsv(KpiReport r) {
        Csv out = new Csv("metric", "current", "previous");
        Map<String, Function<Kpis, Object>> metrics = new LinkedHashMap<>();
        metrics.put("active_at_start", Kpis::activeAtStart);
        metrics.put("active_at_end", Kpis::activeAtEnd);
        metrics.put("new_customers", Kpis::newCustomers);
        metrics.put("retention_rate", Kpis::retentionRate);
        metrics.put("churn_rate", Kpis::churnRate);
        metrics.put("ordering_customers", Kpis::orderingCustomers);
        metrics.put("orders", Kpis::orders);
        metrics.put("revenue", Kpis::revenue);
        metrics.put("repeat_rate_lifetime", Kpis::repeatRateLifetime);
        metrics.put("repeat_rate_in_period", Kpis::repeatRateInPeriod);
        metrics.put("purchase_frequency", Kpis::purchaseFrequency);
        metrics.put("average_order_value", Kpis::averageOrderValue);
        metrics.put("revenue_per_customer", Kpis::revenuePerCustomer);
        metrics.put("returning_revenue_share", Kpis::returningRevenueShare);
        metrics.put("top20_revenue_share", Kpis::top20RevenueShare);
        metrics.put("median_days_between_purchases", Kpis::medianDaysBetweenPurchases);
        metrics.put("historical_clv", Kpis::historicalClv);
        metrics.put("marketing_spend", Kpis::marketingSpend);
        metrics.put("customer_acquisition_cost", Kpis::customerAcquisitionCost);
        metrics.put("clv_to_cac", Kpis::clvToCac);
        metrics.forEach((name, value) -> out.row(name, value.apply(r.current()), value.apply(r.previous())));
        return out;
    }

    private static <T> ResponseEntity<?> respond(T report, boolean csv, Function<T, Csv> table, String name) {
        return respond(report, csv, table, name, report);
    }

    private static <T> ResponseEntity<?> respond(T report, boolean csv, Function<T, Csv> table, String name,
            Object json) {
        if (csv) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"retention-" + name + ".csv\"")
                    .body(table.apply(report).toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    static boolean csv(String format, String accept) {
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new Problems.FieldException(400, "Invalid request", "format",
                        "format: must be json or csv, was '" + format + "'");
            }
            return f.equals("csv");
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    static ReportPeriod period(String from, String to) {
        return new ReportPeriod(date("from", from), date("to", to));
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Problems.FieldException(400, "Invalid request", field, field + ": is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Problems.FieldException(400, "Invalid request", field,
                    field + ": '" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    static CustomerFilter filter(String segment, String channel, Boolean referred) {
        RfmSegment rfmSegment = null;
        if (segment != null && !segment.isBlank()) {
            String key = segment.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_').replace("'", "");
            try {
                rfmSegment = RfmSegment.valueOf(key);
            } catch (IllegalArgumentException e) {
                List<String> known = new ArrayList<>();
                for (RfmSegment s : RfmSegment.values()) {
                    known.add(s.name());
                }
                throw new Problems.FieldException(400, "Invalid request", "segment",
                        "segment: '" + segment + "' is not an RFM segment; known: " + known);
            }
        }
        return new CustomerFilter(rfmSegment, channel, referred);
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new Problems.FieldException(400, "Invalid request", "limit",
                    "limit: must be between 1 and 10000, was " + limit);
        }
        return limit;
    }
}
