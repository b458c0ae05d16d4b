package dev.retention.analytics;

import static dev.retention.analytics.SpecialFunctions.logGamma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Gamma-Gamma spend model (Fader &amp; Hardie 2013, "The Gamma-Gamma model of monetary value"): a customer's
 * transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of how often they buy.
 * Fitted on repeat buyers (frequency &gt; 0) with their mean repeat transaction value.
 */
public final class GammaGammaModel {

    private final double p;
    private final double q;
    private final double gamma;
    private final double logLikelihood;

    private GammaGammaModel(double p, double q, double gamma, double logLikelihood) {
        if (!(p > 0 && q > 0 && gamma > 0)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive: p=" + p + " q=" + q
                    + " gamma=" + gamma);
        }
        this.p = p;
        this.q = q;
        this.gamma = gamma;
        this.logLikelihood = logLikelihood;
    }

    /** A model with known parameters; its log-likelihood is NaN. */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(p, q, gamma, Double.NaN);
    }

    /** Fits p, q and γ by maximum likelihood to the customers with at least one repeat purchase of positive value. */
    public static GammaGammaModel fit(Collection<CustomerSummary> customers) {
        List<double[]> rows = new ArrayList<>();
        double meanValue = 0;
        for (CustomerSummary s : customers) {
            if (s.frequency() > 0 && s.monetaryValue() > 0) {
                rows.add(new double[] {s.frequency(), s.monetaryValue()});
                meanValue += s.monetaryValue();
            }
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException("Gamma-Gamma needs at least two repeat buyers, got " + rows.size());
        }
        meanValue /= rows.size();
        double[] x = new double[rows.size()];
        double[] logX = new double[rows.size()];
        double[] m = new double[rows.size()];
        double[] logM = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            m[i] = rows.get(i)[1];
            logX[i] = Math.log(x[i]);
            logM[i] = Math.log(m[i]);
        }
        double scale = Math.log(meanValue);
        double[][] starts = {{0, 0, scale}, {Math.log(5), Math.log(3), scale + 1}, {Math.log(0.5), Math.log(10),
            scale + 2}};
        int step = Math.max(1, (x.length + BgNbdModel.SUBSAMPLE - 1) / BgNbdModel.SUBSAMPLE);
        MaximumLikelihood.Result best = MaximumLikelihood.maximise(lp -> logLikelihood(lp, x, logX, m, logM, step),
                starts);
        if (step > 1) {
            best = MaximumLikelihood.polish(lp -> logLikelihood(lp, x, logX, m, logM, 1), best.point());
        }
        double[] lp = best.point();
        return new GammaGammaModel(Math.exp(lp[0]), Math.exp(lp[1]), Math.exp(lp[2]), best.value());
    }

    /**
     * Log-likelihood of every {@code step}-th repeat buyer at log-parameters lp = (ln p, ln q, ln γ). The gamma
     * functions depend on the customer only through x, so they are taken once per distinct x.
     */
    private static double logLikelihood(double[] lp, double[] x, double[] logX, double[] m, double[] logM,
            int step) {
        double pp = Math.exp(lp[0]);
        double qq = Math.exp(lp[1]);
        double gg = Math.exp(lp[2]);
        double constant = -logGamma(qq) + qq * Math.log(gg);
        double logG = Math.log(gg);
        int maxX = 0;
        for (double xi : x) {
            maxX = Math.max(maxX, (int) xi);
        }
        double[] gammaTerms = new double[maxX + 1];
        java.util.Arrays.fill(gammaTerms, Double.NaN);
        for (double xi : x) {
            int k = (int) xi;
            if (Double.isNaN(gammaTerms[k])) {
                gammaTerms[k] = logGamma(pp * k + qq) - logGamma(pp * k);
            }
        }
        int n = (x.length + step - 1) / step;
        return MaximumLikelihood.parallelSum(n, j -> {
            int i = j * step;
            double px = pp * x[i];
            // ln(γ + m x) = ln γ + ln1p(m x / γ), kept accurate when m x is small next to γ
            return constant + gammaTerms[(int) x[i]] + (px - 1) * logM[i] + px * logX[i]
                    - (px + qq) * (logG + Math.log1p(m[i] * x[i] / gg));
        });
    }

    public double p() {
        return p;
    }

    public double q() {
        return q;
    }

    public double gamma() {
        return gamma;
    }

    /** Log-likelihood at the fitted parameters (NaN for {@link #of}). */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * E[M | p, q, γ, m<sub>x</sub>, x] = p (γ + m<sub>x</sub> x) / (p x + q - 1): the expected average transaction
     * value of this customer, shrinking their observed mean towards the population mean. For customers without
     * repeat purchases it is the population mean p γ / (q - 1). Requires q &gt; 1 (otherwise the mean is infinite).
     */
    public double expectedAverageValue(CustomerSummary s) {
        if (q <= 1) {
            throw new IllegalStateException("q = " + q + " <= 1: the Gamma-Gamma mean value is undefined");
        }
        int x = s.frequency();
        if (x == 0) {
            return p * gamma / (q - 1);
        }
        return p * (gamma + s.monetaryValue() * x) / (p * x + q - 1);
    }

    @Override
    public String toString() {
        return "GammaGammaModel[p=" + p + ", q=" + q + ", gamma=" + gamma + ", logLikelihood=" + logLikelihood + "]";
    }
}
