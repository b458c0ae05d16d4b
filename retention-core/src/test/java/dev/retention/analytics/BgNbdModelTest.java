package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    private static List<CustomerSummary> cdnow;
    private static BgNbdModel fitted;

    @BeforeAll
    static void fitCdnow() {
        cdnow = Cdnow.calibrationSummaries();
        fitted = BgNbdModel.fit(cdnow);
    }

    @Test
    void summaryBuilderMatchesThePublishedCdnowCalibrationSummary() throws IOException {
        // cdnow_customers_summary.csv: ID,frequency,recency,T (weeks, rounded to 2 decimals), as in FHL 2005.
        List<String> lines = Files.readAllLines(Cdnow.dir().resolve("cdnow_customers_summary.csv"));
        Map<String, CustomerSummary> ours = cdnow.stream()
                .collect(Collectors.toMap(s -> Integer.toString(Integer.parseInt(s.customerId())),
                        Function.identity()));
        assertThat(ours).hasSize(lines.size() - 1).hasSize(2357);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            CustomerSummary s = ours.get(f[0]);
            assertThat(s.frequency()).as("frequency of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
            assertThat(s.recency()).as("recency of %s", f[0]).isCloseTo(Double.parseDouble(f[2]), within(0.006));
            assertThat(s.t()).as("T of %s", f[0]).isCloseTo(Double.parseDouble(f[3]), within(0.006));
        }
    }

    @Test
    void maximumLikelihoodFitReproducesThePublishedCdnowParameters() {
        // FHL 2005 / DESIGN §5: r = 0.2426, alpha = 4.4136, a = 0.7929, b = 2.4259, LL = -9582.43 (3 significant figures)
        assertThat(fitted.r()).isCloseTo(0.2426, within(0.0005));
        assertThat(fitted.alpha()).isCloseTo(4.4136, within(0.005));
        assertThat(fitted.a()).isCloseTo(0.7929, within(0.0005));
        assertThat(fitted.b()).isCloseTo(2.4259, within(0.005));
        assertThat(fitted.logLikelihood()).isCloseTo(-9582.43, within(0.5));
    }

    @Test
    void fittedLogLikelihoodIsTheSumOfTheCustomersLogLikelihoods() {
        double sum = cdnow.stream().mapToDouble(s -> fitted.logLikelihood(s.frequency(), s.recency(), s.t())).sum();

        assertThat(sum).isCloseTo(fitted.logLikelihood(), within(1e-6));
    }

    @Test
    void conditionalExpectationForThePaperCustomerIsAsPublished() {
        // FHL 2005, p. 281: a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in 39 weeks.
        BgNbdModel published = BgNbdModel.of(0.2426, 4.4136, 0.7929, 2.4259);
        CustomerSummary customer = CustomerSummary.of("paper", 2, 30.43, 38.86, 0);

        assertThat(published.expectedPurchases(39, customer)).isCloseTo(1.226, within(0.001));
        assertThat(fitted.expectedPurchases(39, customer)).isCloseTo(1.226, within(0.001));
    }

    @Test
    void unconditionalExpectationMatchesTheClosedFormWithoutTransformation() {
        // E[X(t)] = (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))], summed directly for a moderate t.
        BgNbdModel m = BgNbdModel.of(0.2426, 4.4136, 0.7929, 2.4259);
        double t = 39;
        double z = t / (m.alpha() + t);
        double direct = (m.a() + m.b() - 1) / (m.a() - 1)
                * (1 - Math.pow(m.alpha() / (m.alpha() + t), m.r())
                        * SpecialFunctions.hyp2f1(m.r(), m.b(), m.a() + m.b() - 1, z));

        assertThat(m.expectedPurchases(t)).isCloseTo(direct, within(1e-9));
    }

    @Test
    void fittedModelExpectsAboutTheRepeatPurchasesTheCdnowCohortMadeInCalibration() {
        // The 2,357 customers made 2,457 repeat purchases by week 39 (sum of frequency in the published summary);
        // FHL 2005 Figure 2 shows the model tracking that total closely, so Σ E[X(T_i)] must be within 2 %.
        double expected = cdnow.stream().mapToDouble(s -> fitted.expectedPurchases(s.t())).sum();
        long actual = cdnow.stream().mapToLong(CustomerSummary::frequency).sum();

        assertThat(actual).isEqualTo(2457);
        assertThat(expected).isCloseTo(2457, within(2457 * 0.02));
    }

    @Test
    void conditionalExpectationWithoutHistoryEqualsTheUnconditionalOneShiftedByT() {
        // With x = 0 and T = 0 nothing is known beyond the prior: E[Y(t) | 0, 0, 0] = E[X(t)].
        BgNbdModel m = BgNbdModel.of(0.2426, 4.4136, 0.7929, 2.4259);

        assertThat(m.expectedPurchases(52, CustomerSummary.of("c", 0, 0, 0, 0)))
                .isCloseTo(m.expectedPurchases(52), within(1e-9));
    }

    @Test
    void probabilityAliveFallsWithTimeSinceLastPurchase() {
        BgNbdModel m = BgNbdModel.of(0.2426, 4.4136, 0.7929, 2.4259);
        // P(alive) = 1 / (1 + a/(b+x-1) ((α+T)/(α+t_x))^(r+x)); x=2, t_x=30.43, T=38.86:
        // a/(b+1) = 0.7929/3.4259 = 0.23144; ((43.2736)/(34.8436))^2.2426 = 1.24194^2.2426 = 1.6256 -> 1/(1+0.37624) = 0.7266
        CustomerSummary recent = CustomerSummary.of("c", 2, 30.43, 38.86, 0);
        CustomerSummary lapsed = CustomerSummary.of("c", 2, 5, 38.86, 0);

        assertThat(m.probabilityAlive(recent)).isCloseTo(0.7266, within(0.0005));
        assertThat(m.probabilityAlive(lapsed)).isLessThan(0.3);
        assertThat(m.probabilityAlive(CustomerSummary.of("c", 0, 0, 38.86, 0))).isEqualTo(1.0);
    }

    @Test
    void forecastsStayFiniteForVeryLargeFrequencyAndAge() {
        BgNbdModel m = BgNbdModel.of(0.2426, 4.4136, 0.7929, 2.4259);
        // A customer buying weekly for 40 years, and one with 20,000 purchases over a century of days.
        CustomerSummary weekly = CustomerSummary.of("w", 2080, 2079.5, 2080, 0);
        CustomerSummary huge = CustomerSummary.of("h", 20_000, 36_000, 36_500, 0);

        double ll = m.logLikelihood(huge.frequency(), huge.recency(), huge.t());
        double next = m.expectedPurchases(52, weekly);
        assertThat(ll).isFinite().isNegative();
        assertThat(m.probabilityAlive(weekly)).isBetween(0.99, 1.0);
        // Nearly 1 purchase a week and almost surely alive: about 52 in the next 52 weeks, minus possible drop-out.
        assertThat(next).isFinite().isBetween(45.0, 52.5);
        assertThat(m.expectedPurchases(500, huge)).isFinite().isPositive();
        assertThat(m.probabilityAlive(huge)).isFinite();
    }

    @Test
    void nextPurchaseIsWhenOnePurchaseIsExpected() {
        BgNbdModel m = BgNbdModel.of(0.2426, 4.4136, 0.7929, 2.4259);
        CustomerSummary weekly = CustomerSummary.of("w", 52, 51.5, 52, 0);

        double t = m.timeToNextPurchase(weekly, 520).orElseThrow();
        assertThat(m.expectedPurchases(t, weekly)).isCloseTo(1.0, within(1e-3));
        assertThat(t).isBetween(0.5, 2.0);
        assertThat(m.timeToNextPurchase(CustomerSummary.of("gone", 1, 1, 300, 0), 52)).isEmpty();
    }
}
