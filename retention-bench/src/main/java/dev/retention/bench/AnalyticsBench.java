package dev.retention.bench;

import dev.retention.analytics.BgNbdModel;
import dev.retention.analytics.CohortMatrix;
import dev.retention.analytics.CustomerFilter;
import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.CustomerSummary;
import dev.retention.analytics.GammaGammaModel;
import dev.retention.analytics.KpiReport;
import dev.retention.analytics.ReportPeriod;
import dev.retention.analytics.RetentionReports;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Analytics on a generated history in PostgreSQL: {@code --customers} (100,000) customers with exactly
 * {@code --orders} (1,000,000) orders over 2023-2025, drawn from BG/NBD (buy at a Gamma-distributed rate, drop out
 * with a Beta-distributed probability after each purchase) with Gamma-Gamma order values; then the time of the KPI
 * report (with its previous period and trailing-year CLV, as the admin API computes it) and of the cohort matrix, and
 * the time to read the per-customer summaries and to fit BG/NBD and Gamma-Gamma.
 */
public final class AnalyticsBench {

    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 1, 1);

    private AnalyticsBench() {
    }

    @SpringBootApplication
    static class BenchHost {
    }

    public static void run(String[] args) throws Exception {
        int customers = Integer.parseInt(Results.option(args, "customers", "100000"));
        int orders = Integer.parseInt(Results.option(args, "orders", "1000000"));
        int repeats = Integer.parseInt(Results.option(args, "repeats", "5"));
        String postgres = Results.option(args, "postgres", "jdbc:postgresql://127.0.0.1:5432/rk_analytics");
        // --reuse=true measures on the history a previous --keep=true run left in place.
        boolean reuse = Boolean.parseBoolean(Results.option(args, "reuse", "false"));
        boolean keep = Boolean.parseBoolean(Results.option(args, "keep", "false"));
        String schema = "analytics_bench";
        if (!reuse) {
            try (Connection connection = DriverManager.getConnection(postgres, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            }
        }
        String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&reWriteBatchedInserts=true";
        SpringApplication application = new SpringApplication(BenchHost.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--retention.inbox.worker=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            if (!reuse) {
                long start = System.nanoTime();
                long written = generate(url, customers, orders, 7);
                Results.print("analytics.generate.orders", written, "orders");
                Results.print("analytics.generate.seconds", (System.nanoTime() - start) / 1e9, "s");
            }

            // The machine is shared: the load average says how much the figures below were competing for CPU.
            Results.print("analytics.system.load_average",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "load");
            RetentionReports reports = context.getBean(RetentionReports.class);
            ReportPeriod year = new ReportPeriod(LocalDate.of(2025, 1, 1), END);
            long[] kpi = new long[repeats];
            long[] cohort = new long[repeats];
            KpiReport lastKpis = null;
            CohortMatrix lastCohorts = null;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                lastKpis = reports.kpis(year, CustomerFilter.ALL);
                long t1 = System.nanoTime();
                lastCohorts = reports.cohorts(year, CustomerFilter.ALL);
                long t2 = System.nanoTime();
                kpi[i] = t1 - t0;
                cohort[i] = t2 - t1;
            }
            Results.print("analytics.report.kpis.first_ms", kpi[0] / 1e6, "ms");
            Results.print("analytics.report.kpis.median_ms", Results.percentile(kpi, 50) / 1e6, "ms");
            Results.print("analytics.report.cohorts.first_ms", cohort[0] / 1e6, "ms");
            Results.print("analytics.report.cohorts.median_ms", Results.percentile(cohort, 50) / 1e6, "ms");
            System.out.println("# kpis 2025: " + lastKpis.current());
            System.out.println("# cohorts: " + lastCohorts.cohorts().size() + " monthly cohorts, January size "
                    + lastCohorts.cohorts().get(0).customers());

            CustomerPredictions predictions = context.getBean(CustomerPredictions.class);
            long t0 = System.nanoTime();
            List<CustomerSummary> summaries = predictions.summaries(END.atStartOfDay().toInstant(ZoneOffset.UTC),
                    END.minusDays(1), null, ZoneOffset.UTC);
            Results.print("analytics.summaries.read_ms", (System.nanoTime() - t0) / 1e6, "ms");
            Results.print("analytics.summaries.customers", summaries.size(), "customers");
            long[] bg = new long[3];
            long[] gg = new long[3];
            BgNbdModel bgnbd = null;
            GammaGammaModel spend = null;
            for (int i = 0; i < bg.length; i++) {
                long a = System.nanoTime();
                bgnbd = BgNbdModel.fit(summaries);
                long b = System.nanoTime();
                spend = GammaGammaModel.fit(summaries);
                long c = System.nanoTime();
                bg[i] = b - a;
                gg[i] = c - b;
            }
            Results.print("analytics.fit.bgnbd.first_ms", bg[0] / 1e6, "ms");
            Results.print("analytics.fit.bgnbd.median_ms", Results.percentile(bg, 50) / 1e6, "ms");
            Results.print("analytics.fit.gammagamma.first_ms", gg[0] / 1e6, "ms");
            Results.print("analytics.fit.gammagamma.median_ms", Results.percentile(gg, 50) / 1e6, "ms");
            System.out.println("# " + bgnbd + " (generated with r=1.5 alpha=45 a=1 b=8, days)");
            System.out.println("# " + spend + " (generated with p=6 q=4 gamma=40)");
        } finally {
            if (!keep) {
                try (Connection connection = DriverManager.getConnection(postgres, "postgres", "");
                        Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    /**
     * Writes customers and exactly {@code orders} orders. Each customer's history is simulated from BG/NBD; the
     * total is then brought to the target by dropping the latest repeat orders of random customers (or adding
     * orders after the last one), which changes it by a few per cent.
     */
    static long generate(String url, int customers, int orders, long seed) throws Exception {
        RandomGenerator random = new Well19937c(seed);
        // Rates in orders per day: mean 1.5 / 45 = one order every 30 days while alive; drop-out ~ Beta(1, 8).
        GammaDistribution rates = new GammaDistribution(random, 1.5, 1 / 45.0);
        BetaDistribution dropout = new BetaDistribution(random, 1, 8);
        GammaDistribution spendRates = new GammaDistribution(random, 4, 1 / 40.0);
        long horizon = END.toEpochDay() - START.toEpochDay();
        List<List<Double>> days = new ArrayList<>(customers);
        double[] nu = new double[customers];
        long total = 0;
        for (int c = 0; c < customers; c++) {
            double first = random.nextDouble() * horizon * 0.9;
            double lambda = rates.sample();
            double p = dropout.sample();
            List<Double> history = new ArrayList<>();
            history.add(first);
            double t = first;
            while (random.nextDouble() >= p) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t >= horizon) {
                    break;
                }
                history.add(t);
            }
            days.add(history);
            nu[c] = spendRates.sample();
            total += history.size();
        }
        while (total > orders) {
            List<Double> history = days.get(random.nextInt(customers));
            if (history.size() > 1) {
                history.remove(history.size() - 1);
                total--;
            }
        }
        while (total < orders) {
            List<Double> history = days.get(random.nextInt(customers));
            double last = history.get(history.size() - 1);
            history.add(last + random.nextDouble() * (horizon - last));
            total++;
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement customer = connection.prepareStatement("INSERT INTO rtn_customer (customer_id,"
                    + " email, locale, time_zone, marketing_consent, acquisition_channel, referral_code, updated_at)"
                    + " VALUES (?, ?, 'en', 'UTC', TRUE, ?, ?, ?)")) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0));
                for (int c = 0; c < customers; c++) {
                    customer.setString(1, customerId(c));
                    customer.setString(2, customerId(c) + "@bench.example");
                    customer.setString(3, c % 3 == 0 ? "ads" : "organic");
                    customer.setString(4, c % 10 == 0 ? "REF" + c : null);
                    customer.setTimestamp(5, now);
                    customer.addBatch();
                    if (c % 5000 == 4999) {
                        customer.executeBatch();
                    }
                }
                customer.executeBatch();
            }
            try (PreparedStatement order = connection.prepareStatement("INSERT INTO rtn_order (order_id, customer_id,"
                    + " placed_at, status, currency, total, base_currency, base_subtotal, base_discounts, base_shipping,"
                    + " base_tax, base_total, base_net, base_refunded, channel) VALUES (?, ?, ?, 'COMPLETED', 'EUR', ?,"
                    + " 'EUR', ?, 0, 0, 0, ?, ?, 0, 'web')")) {
                long n = 0;
                for (int c = 0; c < customers; c++) {
                    GammaDistribution values = new GammaDistribution(random, 6, 1 / nu[c]);
                    double[] history = days.get(c).stream().mapToDouble(Double::doubleValue).toArray();
                    Arrays.sort(history);
                    for (double day : history) {
                        Instant at = START.atStartOfDay().toInstant(ZoneOffset.UTC)
                                .plusSeconds((long) (day * 86_400));
                        BigDecimal value = BigDecimal.valueOf(Math.max(1, Math.round(values.sample() * 100)), 2);
                        order.setString(1, "o" + (++n));
                        order.setString(2, customerId(c));
                        order.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
                        order.setBigDecimal(4, value);
                        order.setBigDecimal(5, value);
                        order.setBigDecimal(6, value);
                        order.setBigDecimal(7, value);
                        order.addBatch();
                        if (n % 5000 == 0) {
                            order.executeBatch();
                        }
                    }
                }
                order.executeBatch();
            }
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("ANALYZE");
            }
        }
        return orders;
    }

    private static String customerId(int c) {
        return String.format("c%06d", c);
    }
}
