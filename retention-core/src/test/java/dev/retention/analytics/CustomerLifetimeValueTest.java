package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CustomerLifetimeValueTest {

    private final BgNbdModel transactions = BgNbdModel.of(0.2426, 4.4136, 0.7929, 2.4259);
    private final GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
    private final CustomerLifetimeValue clv = new CustomerLifetimeValue(transactions, spend, ModelTimeUnit.WEEKS);
    private final CustomerSummary customer = CustomerSummary.of("c", 2, 30.43, 38.86, 50);

    @Test
    void undiscountedValueIsExpectedPurchasesOverTheHorizonTimesExpectedValue() {
        // 12 months = 12 * (365.25/12) / 7 = 52.1786 weeks
        double weeks = 365.25 / 7;
        double expected = transactions.expectedPurchases(weeks, customer) * spend.expectedAverageValue(customer);

        assertThat(clv.value(customer, 12, 0)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void discountingLowersTheValueAndALongerHorizonRaisesIt() {
        double undiscounted = clv.value(customer, 12, 0);
        double discounted = clv.value(customer, 12, 0.01);

        assertThat(discounted).isLessThan(undiscounted).isGreaterThan(undiscounted / Math.pow(1.01, 12));
        assertThat(clv.value(customer, 24, 0.01)).isGreaterThan(discounted);
        assertThat(clv.value(customer, 0, 0.01)).isZero();
    }
}
