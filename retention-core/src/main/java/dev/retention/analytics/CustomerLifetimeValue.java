package dev.retention.analytics;

/**
 * Predictive customer lifetime value: for each month of the horizon, the purchases BG/NBD expects in that month times
 * the Gamma-Gamma expected transaction value, discounted at a monthly rate to the end of the observation period:
 * CLV = Σ<sub>i=1..H</sub> (E[Y(i·m)] - E[Y((i-1)·m)]) · E[M] / (1 + d)<sup>i</sup>, with m one month in model time.
 */
public final class CustomerLifetimeValue {

    private final BgNbdModel transactions;
    private final GammaGammaModel spend;
    private final ModelTimeUnit unit;

    public CustomerLifetimeValue(BgNbdModel transactions, GammaGammaModel spend, ModelTimeUnit unit) {
        this.transactions = transactions;
        this.spend = spend;
        this.unit = unit;
    }

    /**
     * CLV of the customer over {@code months} months with the given monthly discount rate (0.01 = 1 % a month).
     */
    public double value(CustomerSummary s, int months, double monthlyDiscountRate) {
        if (months < 0) {
            throw new IllegalArgumentException("months must be >= 0, was " + months);
        }
        if (!(monthlyDiscountRate > -1)) {
            throw new IllegalArgumentException("monthly discount rate must be > -1, was " + monthlyDiscountRate);
        }
        double month = unit.fromDays(ModelTimeUnit.DAYS_PER_MONTH);
        double value = spend.expectedAverageValue(s);
        double clv = 0;
        double previous = 0;
        for (int i = 1; i <= months; i++) {
            double cumulative = transactions.expectedPurchases(i * month, s);
            clv += (cumulative - previous) * value / Math.pow(1 + monthlyDiscountRate, i);
            previous = cumulative;
        }
        return clv;
    }
}
