package dev.retention.analytics;

import static dev.retention.analytics.SpecialFunctions.hyp2f1;
import static dev.retention.analytics.SpecialFunctions.logAddExp;
import static dev.retention.analytics.SpecialFunctions.logBeta;
import static dev.retention.analytics.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while alive a customer buys
 * at a Poisson rate λ ~ Gamma(r, α); after each transaction they drop out with probability p ~ Beta(a, b).
 *
 * <p>{@link #fit(Collection)} estimates (r, α, a, b) by maximum likelihood with a Nelder-Mead search in
 * log-parameter space (so the parameters stay positive), started from several points; the best optimum wins. Times
 * are in whatever unit the summaries use; forecasts take horizons in the same unit.
 */
public final class BgNbdModel {

    /** Above this many customers the multi-start search runs on a subsample and the full data only polishes. */
    static final int SUBSAMPLE = 10_000;

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double logLikelihood;

    private BgNbdModel(double r, double alpha, double a, double b, double logLikelihood) {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive: r=" + r + " alpha=" + alpha
                    + " a=" + a + " b=" + b);
        }
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.logLikelihood = logLikelihood;
    }

    /** A model with known parameters (for example read back from storage); its log-likelihood is NaN. */
    public static BgNbdModel of(double r, double alpha, double a, double b) {
        return new BgNbdModel(r, alpha, a, b, Double.NaN);
    }

    /** Fits the model to the customers by maximum likelihood. */
    public static BgNbdModel fit(Collection<CustomerSummary> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("cannot fit BG/NBD to no customers");
        }
        List<CustomerSummary> all = List.copyOf(customers);
        List<CustomerSummary> sample = MaximumLikelihood.subsample(all, SUBSAMPLE);
        Data sampleData = Data.of(sample);
        double meanT = sample.stream().mapToDouble(CustomerSummary::t).average().orElse(1);
        double scale = Math.log(Math.max(meanT, 1e-3));
        double[][] starts = {
            {0, scale, 0, 0},
            {Math.log(0.1), scale - 1, Math.log(0.5), Math.log(2)},
            {Math.log(2), scale + 1, Math.log(2), Math.log(5)},
        };
        MaximumLikelihood.Result best = MaximumLikelihood.maximise(sampleData::logLikelihood, starts);
        if (sample.size() < all.size()) {
            best = MaximumLikelihood.polish(Data.of(all)::logLikelihood, best.point());
        }
        double[] p = best.point();
        return new BgNbdModel(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), best.value());
    }

    public double r() {
        return r;
    }

    public double alpha() {
        return alpha;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    /** Total log-likelihood of the data the model was fitted to (NaN for {@link #of}). */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Log-likelihood of one customer's (x, t<sub>x</sub>, T). */
    public double logLikelihood(int x, double tx, double bigT) {
        return logLikelihood(r, alpha, a, b, x, Math.log(alpha + tx), Math.log(alpha + bigT));
    }

    static double logLikelihood(double r, double alpha, double a, double b, int x, double logAlphaTx,
            double logAlphaT) {
        double shared = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b);
        double stay = -(r + x) * logAlphaT;
        if (x == 0) {
            return shared + stay;
        }
        double drop = Math.log(a) - Math.log(b + x - 1) - (r + x) * logAlphaTx;
        return shared + logAddExp(stay, drop);
    }

    /**
     * P(alive | x, t<sub>x</sub>, T): the probability that the customer has not dropped out by the end of their
     * observation period. A customer without repeat purchases is alive with probability 1 under BG/NBD (drop-out
     * happens only right after a purchase).
     */
    public double probabilityAlive(CustomerSummary s) {
        if (s.frequency() == 0) {
            return 1;
        }
        return 1 / (1 + Math.exp(logOddsDead(s)));
    }

    private double logOddsDead(CustomerSummary s) {
        int x = s.frequency();
        return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + s.t()) - Math.log(alpha + s.recency()));
    }

    /**
     * E[Y(t) | x, t<sub>x</sub>, T]: expected transactions of this customer in the next {@code t} time units after
     * the end of their observation period (FHL 2005, eq. 10). The hypergeometric term is rewritten with Euler's
     * transformation, 2F1(r+x, b+x; a+b+x-1; z) = (1-z)^(a-1-r-x) 2F1(a+b-1-r, a-1; a+b+x-1; z), which cancels the
     * ((α+T)/(α+T+t))^(r+x) factor and keeps the series short and finite for any x and T.
     */
    public double expectedPurchases(double t, CustomerSummary s) {
        if (t < 0) {
            throw new IllegalArgumentException("t must be >= 0, was " + t);
        }
        if (t == 0) {
            return 0;
        }
        if (Math.abs(a - 1) < 1e-6) {
            // (a+b+x-1)/(a-1) * (...) has a removable singularity at a = 1: take the symmetric average around it,
            // which is accurate to O(h^2).
            return (conditional(t, s, 1 - 1e-5) + conditional(t, s, 1 + 1e-5)) / 2;
        }
        return conditional(t, s, a);
    }

    private double conditional(double t, CustomerSummary s, double a) {
        int x = s.frequency();
        double z = t / (alpha + s.t() + t);
        double oneMinusZ = (alpha + s.t()) / (alpha + s.t() + t);
        double hyp = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.pow(oneMinusZ, a - 1) * hyp);
        double denominator = x == 0 ? 1
                : 1 + Math.exp(Math.log(a) - Math.log(b + x - 1)
                        + (r + x) * (Math.log(alpha + s.t()) - Math.log(alpha + s.recency())));
        return numerator / denominator;
    }

    /**
     * E[X(t)]: expected transactions of a newly acquired customer in their first {@code t} time units after the
     * first purchase (FHL 2005, eq. 9), with the same Euler transformation as {@link #expectedPurchases}.
     */
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0;
        }
        if (Math.abs(a - 1) < 1e-6) {
            return (unconditional(t, 1 - 1e-5) + unconditional(t, 1 + 1e-5)) / 2;
        }
        return unconditional(t, a);
    }

    private double unconditional(double t, double a) {
        double z = t / (alpha + t);
        double oneMinusZ = alpha / (alpha + t);
        // (1-z)^r 2F1(r, b; a+b-1; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b-1; z)  (Euler's transformation)
        double hyp = hyp2f1(a + b - 1 - r, a - 1, a + b - 1, z);
        return (a + b - 1) / (a - 1) * (1 - Math.pow(oneMinusZ, a - 1) * hyp);
    }

    /**
     * Time from the end of the customer's observation period until they are expected to have made one more
     * purchase: the smallest t with {@link #expectedPurchases(double, CustomerSummary)} &gt;= 1, searched up to
     * {@code maxHorizon}. Empty when the expectation stays below one within that horizon (the customer has most
     * likely churned or buys rarely).
     */
    public OptionalDouble timeToNextPurchase(CustomerSummary s, double maxHorizon) {
        if (expectedPurchases(maxHorizon, s) < 1) {
            return OptionalDouble.empty();
        }
        double lo = 0;
        double hi = maxHorizon;
        for (int i = 0; i < 60 && hi - lo > 1e-6 * maxHorizon; i++) {
            double mid = (lo + hi) / 2;
            if (expectedPurchases(mid, s) >= 1) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalDouble.of(hi);
    }

    @Override
    public String toString() {
        return "BgNbdModel[r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + ", logLikelihood="
                + logLikelihood + "]";
    }

    /**
     * The fitting data collapsed to distinct (x, t<sub>x</sub>, T) with counts; the logarithms of α + time are taken
     * once per distinct time and the gamma terms once per distinct x, so one likelihood evaluation over 100,000
     * customers costs a few milliseconds.
     */
    private static final class Data {
        final int[] x;
        final int[] tx;
        final int[] bigT;
        final long[] count;
        final double[] times;
        final int[] distinctX;
        final int[] xIndex;

        private Data(int[] x, int[] tx, int[] bigT, long[] count, double[] times, int[] distinctX, int[] xIndex) {
            this.x = x;
            this.tx = tx;
            this.bigT = bigT;
            this.count = count;
            this.times = times;
            this.distinctX = distinctX;
            this.xIndex = xIndex;
        }

        static Data of(Collection<CustomerSummary> customers) {
            if (customers.isEmpty()) {
                throw new IllegalArgumentException("cannot fit BG/NBD to no customers");
            }
            double[] allTimes = new double[customers.size() * 2];
            int n = 0;
            for (CustomerSummary s : customers) {
                allTimes[n++] = s.recency();
                allTimes[n++] = s.t();
            }
            double[] times = Arrays.stream(allTimes).sorted().distinct().toArray();
            Map<Triple, long[]> groups = new HashMap<>();
            for (CustomerSummary s : customers) {
                Triple key = new Triple(s.frequency(), Arrays.binarySearch(times, s.recency()),
                        Arrays.binarySearch(times, s.t()));
                groups.computeIfAbsent(key, k -> new long[1])[0]++;
            }
            int size = groups.size();
            int[] x = new int[size];
            int[] tx = new int[size];
            int[] bigT = new int[size];
            long[] count = new long[size];
            int i = 0;
            for (Map.Entry<Triple, long[]> e : groups.entrySet()) {
                x[i] = e.getKey().x;
                tx[i] = e.getKey().tx;
                bigT[i] = e.getKey().bigT;
                count[i] = e.getValue()[0];
                i++;
            }
            int[] distinctX = Arrays.stream(x).sorted().distinct().toArray();
            int[] xIndex = new int[size];
            for (int j = 0; j < size; j++) {
                xIndex[j] = Arrays.binarySearch(distinctX, x[j]);
            }
            return new Data(x, tx, bigT, count, times, distinctX, xIndex);
        }

        double logLikelihood(double[] logParams) {
            double r = Math.exp(logParams[0]);
            double alpha = Math.exp(logParams[1]);
            double a = Math.exp(logParams[2]);
            double b = Math.exp(logParams[3]);
            double[] logAlphaPlus = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                logAlphaPlus[i] = Math.log(alpha + times[i]);
            }
            double base = -logGamma(r) + r * Math.log(alpha) - logBeta(a, b);
            double[] shared = new double[distinctX.length];
            double[] dropConst = new double[distinctX.length];
            for (int i = 0; i < distinctX.length; i++) {
                int xi = distinctX[i];
                shared[i] = base + logGamma(r + xi) + logBeta(a, b + xi);
                dropConst[i] = xi == 0 ? 0 : Math.log(a) - Math.log(b + xi - 1);
            }
            return MaximumLikelihood.parallelSum(x.length, i -> {
                int xi = x[i];
                double stay = -(r + xi) * logAlphaPlus[bigT[i]];
                double ll;
                if (xi == 0) {
                    ll = shared[xIndex[i]] + stay;
                } else {
                    double drop = dropConst[xIndex[i]] - (r + xi) * logAlphaPlus[tx[i]];
                    ll = shared[xIndex[i]] + logAddExp(stay, drop);
                }
                return count[i] * ll;
            });
        }

        private record Triple(int x, int tx, int bigT) {
        }
    }
}
