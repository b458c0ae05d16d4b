package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * KPI, cohort and driver SQL on a hand-computed shop. Runs on H2 and, through the postgresql/mariadb profiles, on
 * PostgreSQL and MariaDB with the same expected numbers (the one test, three databases). Each run uses a random far
 * future year Y and customers of its own acquisition channel, so it never depends on what else is in the database.
 *
 * <pre>
 * Period P = [Y-07-01, Y-10-01), active window 365 days, zone UTC, all orders at 12:00 UTC.
 * A: Y-03-10 100, Y-08-05 50                    active at from and at to; returning in P
 * B: (Y-1)-08-01 80                             active at from, not at to: lost
 * G: (Y-1)-09-15 30                             active at from, not at to: lost
 * F: Y-06-15 40                                 active at from and at to, no order in P
 * E: (Y-2)-05-01 70, Y-08-15 90                 not active at from, back in P (returning, not new)
 * C: Y-07-10 60 (books, web, coupon, referred), cancelled Y-08-01 200, Y-09-10 40      new in P
 * D: Y-09-20 30 (music, app) refunded 10                                                new in P
 * H: Y-07-20 25 (books, web)                                                            new in P
 * </pre>
 */
@Tag("db")
@SpringBootTest(classes = CoreTestApplication.class, properties = "retention.inbox.worker=false")
class RetentionReportsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "analytics");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RetentionReports reports;
    @Autowired
    ReportingSettings settings;
    @Autowired
    MutableClock clock;

    int year;
    String channel;
    ReportPeriod period;

    @BeforeEach
    void shop() {
        settings.reset();
        // A far-future year with no orders around it, so unfiltered figures see only this shop even on a shared
        // database that earlier runs filled.
        do {
            year = ThreadLocalRandom.current().nextInt(3000, 9000);
        } while (jdbc.sql("SELECT COUNT(*) FROM rtn_order WHERE placed_at >= ? AND placed_at < ?")
                .params(LocalDateTime.of(year - 3, 1, 1, 0, 0), LocalDateTime.of(year + 3, 1, 1, 0, 0))
                .query(Long.class).single() > 0);
        String prefix = TestDatabase.uniquePrefix();
        channel = prefix + "ads";
        Shop shop = new Shop(jdbc, prefix);
        for (String c : List.of("A", "B", "D", "E", "F", "G", "H")) {
            shop.customer(c, channel, null);
        }
        shop.customer("C", channel, "REF1");
        shop.order("A", day(0, 3, 10), "100", "books", "web", null);
        shop.order("A", day(0, 8, 5), "50", "books", "web", null);
        shop.order("B", day(-1, 8, 1), "80", "books", "web", null);
        shop.order("G", day(-1, 9, 15), "30", "books", "web", null);
        shop.order("F", day(0, 6, 15), "40", "books", "web", null);
        shop.order("E", day(-2, 5, 1), "70", "books", "web", null);
        shop.order("E", day(0, 8, 15), "90", "books", "web", null);
        shop.order("C", day(0, 7, 10), "60", "books", "web", "WELCOME");
        shop.cancelled("C", day(0, 8, 1), "200");
        shop.order("C", day(0, 9, 10), "40", "music", "web", null);
        String d = shop.order("D", day(0, 9, 20), "30", "music", "app", null);
        shop.refund(d, day(0, 9, 25), "10");
        shop.order("H", day(0, 7, 20), "25", "books", "web", null);
        period = new ReportPeriod(day(0, 7, 1), day(0, 10, 1));
        clock.set(day(2, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private LocalDate day(int yearOffset, int month, int day) {
        return LocalDate.of(year + yearOffset, month, day);
    }

    private CustomerFilter ours() {
        return new CustomerFilter(null, channel, null);
    }

    @Test
    void retentionRateCountsNewLostAndReturningCustomersAsDesignSays() {
        Kpis k = reports.kpis(period, ours()).current();

        // S = {A, B, F, G} = 4; E = {A, C, D, E, F, H} = 6 (B and G lapsed, E came back); N = {C, D, H} = 3
        // CRR = (E - N) / S = (6 - 3) / 4 = 0.75; churn = 0.25
        assertThat(k.activeAtStart()).isEqualTo(4);
        assertThat(k.activeAtEnd()).isEqualTo(6);
        assertThat(k.newCustomers()).isEqualTo(3);
        assertThat(k.retentionRate()).isEqualByComparingTo("0.75");
        assertThat(k.churnRate()).isEqualByComparingTo("0.25");
    }

    @Test
    void orderKpisLeaveOutCancelledOrdersAndSubtractRefunds() {
        Kpis k = reports.kpis(period, ours()).current();

        // Orders in P: A 50, C 60, C 40, D 30-10 = 20, E 90, H 25 -> 6 orders, 5 customers, revenue 285
        assertThat(k.orders()).isEqualTo(6);
        assertThat(k.orderingCustomers()).isEqualTo(5);
        assertThat(k.revenue()).isEqualByComparingTo("285");
        // frequency 6 / 5 = 1.2; AOV 285 / 6 = 47.5; revenue per customer 285 / 5 = 57
        assertThat(k.purchaseFrequency()).isEqualByComparingTo("1.2");
        assertThat(k.averageOrderValue()).isEqualByComparingTo("47.5");
        assertThat(k.revenuePerCustomer()).isEqualByComparingTo("57");
        // repeat in P: only C has 2 orders -> 1 / 5 = 0.2; lifetime before to: A, C, E of 8 customers -> 0.375
        assertThat(k.repeatRateInPeriod()).isEqualByComparingTo("0.2");
        assertThat(k.repeatRateLifetime()).isEqualByComparingTo("0.375");
        // returning = orders after the customer's first: A 50 + C 40 + E 90 = 180 -> 180 / 285 = 0.631579
        assertThat(k.returningRevenueShare()).isEqualByComparingTo("0.631579");
        // top 20 % of 5 customers = 1 customer: C with 100 -> 100 / 285 = 0.350877
        assertThat(k.top20RevenueShare()).isEqualByComparingTo("0.350877");
        // gaps ending in P: A Mar 10 -> Aug 5 = 21+30+31+30+31+5 = 148 d, C Jul 10 -> Sep 10 = 62 d, E > 800 d;
        // median 148
        assertThat(k.medianDaysBetweenPurchases()).isEqualByComparingTo("148");
    }

    @Test
    void historicalClvUsesTheTrailingYearAndTheLifespanFromAnnualChurn() {
        Kpis k = reports.kpis(period, ours()).current();

        // Year [(Y-1)-10-01, Y-10-01): orders A 100, A 50, C 60, C 40, D 20, E 90, F 40, H 25 = 8 orders, 425, 6 buyers
        // AOV = 53.125; orders per customer = 8/6 = 1.333333; S' = {B, G} = 2, E' = 6, N' = {A, C, D, F, H} = 5
        // churn = 1 - (6 - 5)/2 = 0.5 -> lifespan 2 years (cap 10); CLV = 53.125 * 1.333333 * 2 = 141.666631
        assertThat(k.historicalClv()).isEqualByComparingTo("141.666631");
        // With a filter the spend cannot be attributed: no CAC.
        assertThat(k.customerAcquisitionCost()).isNull();
    }

    @Test
    void acquisitionCostSpreadsMonthlySpendOverThePeriod() {
        settings.updateSpend(List.of(new ReportingSettings.MonthlySpend(YearMonth.of(year, 7), new BigDecimal("310")),
                new ReportingSettings.MonthlySpend(YearMonth.of(year, 9), new BigDecimal("300")),
                new ReportingSettings.MonthlySpend(YearMonth.of(year, 10), new BigDecimal("999"))));

        // Nothing else is in year Y, so the unfiltered report sees only this shop.
        Kpis k = reports.kpis(period, CustomerFilter.ALL).current();

        // spend = 310 (July) + 300 (September) = 610, October is outside P; N = 3 -> CAC = 203.333333
        // CLV:CAC = 141.666631 / 203.333333 = 0.696721
        assertThat(k.marketingSpend()).isEqualByComparingTo("610");
        assertThat(k.customerAcquisitionCost()).isEqualByComparingTo("203.333333");
        assertThat(k.clvToCac()).isEqualByComparingTo("0.696721");
        // Half of July: 310 * 15 / 31 = 150
        assertThat(settings.spendIn(new ReportPeriod(day(0, 7, 1), day(0, 7, 16)))).isEqualByComparingTo("150");
    }

    @Test
    void previousPeriodIsTheSameLengthJustBefore() {
        KpiReport report = reports.kpis(period, ours());

        // 92 days before Y-07-01 = Y-03-31 (Y-04-01 in leap years... no: March has 31 days either way) -> F's order only
        assertThat(report.previousPeriod().to()).isEqualTo(period.from());
        assertThat(report.previousPeriod().days()).isEqualTo(92);
        assertThat(report.previous().orders()).isEqualTo(1);
        assertThat(report.previous().revenue()).isEqualByComparingTo("40");
    }

    @Test
    void referredFilterKeepsOnlyCustomersWhoSignedUpWithACode() {
        Kpis referred = reports.kpis(period, new CustomerFilter(null, channel, true)).current();
        Kpis others = reports.kpis(period, new CustomerFilter(null, channel, false)).current();

        // Only C was referred: 2 orders, 100; the others: 4 orders, 185
        assertThat(referred.orders()).isEqualTo(2);
        assertThat(referred.revenue()).isEqualByComparingTo("100");
        assertThat(others.orders()).isEqualTo(4);
        assertThat(others.revenue()).isEqualByComparingTo("185");
    }

    @Test
    void cohortMatrixCountsCustomersAndRevenueByMonthSinceFirstOrder() {
        CohortMatrix matrix = reports.cohorts(period, ours());

        // July cohort: C, H (2). Month 0: both, 60 + 25 = 85; month 1: only C's cancelled order -> 0;
        // month 2: C 40 -> 1 of 2 = 0.5. August cohort: nobody. September cohort: D, 30 - 10 = 20.
        assertThat(matrix.cohorts()).extracting(CohortMatrix.Cohort::month, CohortMatrix.Cohort::customers)
                .containsExactly(tuple(YearMonth.of(year, 7), 2L), tuple(YearMonth.of(year, 8), 0L),
                        tuple(YearMonth.of(year, 9), 1L));
        List<CohortMatrix.Cell> july = matrix.cohorts().get(0).cells();
        assertThat(july).extracting(CohortMatrix.Cell::customers).containsExactly(2L, 0L, 1L);
        assertThat(july.get(0).revenue()).isEqualByComparingTo("85");
        assertThat(july.get(2).retention()).isEqualByComparingTo("0.5");
        assertThat(july.get(2).revenue()).isEqualByComparingTo("40");
        assertThat(matrix.cohorts().get(1).cells().get(0).retention()).isNull();
        assertThat(matrix.cohorts().get(2).cells()).singleElement()
                .satisfies(cell -> assertThat(cell.revenue()).isEqualByComparingTo("20"));
    }

    @Test
    void driversCompareTwelveMonthRepeatRatesByFirstOrderAttributes() {
        List<RetentionDriver> drivers = reports.drivers(period, ours());

        // First orders in P: C (books, web, coupon, referred; ordered again on Sep 10), D (music, app), H (books, web)
        assertThat(drivers).extracting(RetentionDriver::dimension, RetentionDriver::value,
                        RetentionDriver::customers, RetentionDriver::repeaters)
                .containsExactly(
                        tuple("category", "books", 2L, 1L), tuple("category", "music", 1L, 0L),
                        tuple("channel", "app", 1L, 0L), tuple("channel", "web", 2L, 1L),
                        tuple("discount", "no", 2L, 0L), tuple("discount", "yes", 1L, 1L),
                        tuple("referred", "no", 2L, 0L), tuple("referred", "yes", 1L, 1L));
        assertThat(drivers.get(0).repeatRate()).isEqualByComparingTo("0.5");
    }

    @Test
    void driversLeaveOutCustomersWhoseFirstYearIsNotOverYet() {
        clock.set(day(0, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(reports.drivers(period, ours())).isEmpty();
    }
}
