package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

    @Test
    void recoversKnownParametersFromDataSimulatedFromTheModel() {
        // Truth close to Fader & Hardie's CDNOW estimates (p = 6.25, q = 3.74, γ = 15.44). 20,000 repeat buyers with
        // 1..10 repeat purchases each. With this many customers the standard errors of the MLE are about 2-4 % of the
        // values (q and γ are strongly correlated, so they move together), so a 10 % tolerance is ~3 standard errors:
        // a correct fit passes for any seed, while a wrong likelihood (e.g. a sign or a missing p x ln x term) moves
        // the estimates far further. The seed is fixed so the test is reproducible.
        double p = 6.0;
        double q = 4.0;
        double gamma = 15.0;
        RandomGenerator random = new MersenneTwister(20_13L);
        GammaDistribution nu = new GammaDistribution(random, q, 1 / gamma);
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double rate = nu.sample();
            GammaDistribution spend = new GammaDistribution(random, p, 1 / rate);
            int x = 1 + random.nextInt(10);
            double total = 0;
            for (int k = 0; k < x; k++) {
                total += spend.sample();
            }
            customers.add(CustomerSummary.of("c" + i, x, 1, 2, total / x));
        }

        GammaGammaModel model = GammaGammaModel.fit(customers);

        assertThat(model.p()).isCloseTo(p, within(p * 0.10));
        assertThat(model.q()).isCloseTo(q, within(q * 0.10));
        assertThat(model.gamma()).isCloseTo(gamma, within(gamma * 0.10));
        assertThat(model.logLikelihood()).isFinite();
    }

    @Test
    void expectedAverageValueShrinksTheObservedMeanTowardsThePopulationMean() {
        GammaGammaModel model = GammaGammaModel.of(6.25, 3.74, 15.44);
        // population mean p γ / (q - 1) = 6.25 * 15.44 / 2.74 = 96.5 / 2.74 = 35.2190
        assertThat(model.expectedAverageValue(CustomerSummary.of("new", 0, 0, 10, 0)))
                .isCloseTo(35.2190, within(1e-4));
        // x = 2, m = 100: 6.25 (15.44 + 200) / (12.5 + 2.74) = 6.25 * 215.44 / 15.24 = 1346.5 / 15.24 = 88.3530
        assertThat(model.expectedAverageValue(CustomerSummary.of("c", 2, 5, 10, 100)))
                .isCloseTo(88.3530, within(1e-4));
    }

    @Test
    void meanValueIsRefusedWhenItIsInfinite() {
        GammaGammaModel model = GammaGammaModel.of(2, 0.8, 10);

        assertThatThrownBy(() -> model.expectedAverageValue(CustomerSummary.of("c", 1, 1, 2, 10)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fittingNeedsRepeatBuyers() {
        assertThatThrownBy(() -> GammaGammaModel.fit(List.of(CustomerSummary.of("c", 0, 0, 3, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
