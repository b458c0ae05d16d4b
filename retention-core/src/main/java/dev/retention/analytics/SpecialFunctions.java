package dev.retention.analytics;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Log-gamma, log-Beta and the Gauss hypergeometric function in the forms the models need. Everything is kept in log
 * space or transformed so that customers with hundreds of transactions and long histories stay finite.
 */
public final class SpecialFunctions {

    private static final int MAX_TERMS = 2_000_000;
    private static final double TOLERANCE = 1e-15;

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos / Stirling, accurate to ~1e-14 relative also for x in the millions). */
    public static double logGamma(double x) {
        return Gamma.logGamma(x);
    }

    /** ln B(a, b) without forming Γ(a+b) (Didonato-Morris algorithm, accurate for large arguments). */
    public static double logBeta(double a, double b) {
        return Beta.logBeta(a, b);
    }

    /** ln(e<sup>x</sup> + e<sup>y</sup>) without overflow. */
    public static double logAddExp(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY) {
            return y;
        }
        if (y == Double.NEGATIVE_INFINITY) {
            return x;
        }
        double max = Math.max(x, y);
        return max + Math.log1p(Math.exp(-Math.abs(x - y)));
    }

    /**
     * The Gauss hypergeometric function <sub>2</sub>F<sub>1</sub>(a, b; c; z) for 0 &lt;= z &lt; 1 by its power series,
     * summed until the terms stop contributing. Callers transform their arguments (Euler's transformation) so that
     * the numerator parameters stay small; the series then converges for any size of c.
     */
    public static double hyp2f1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("z must be in [0, 1), was " + z);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= TOLERANCE * Math.abs(sum)) {
                // Once k exceeds |a|, |b| and c the ratio of successive terms is below z, so the remaining tail is
                // at most |term| * z / (1 - z); sum until that tail is negligible too.
                if (k > Math.abs(a) + Math.abs(b) + Math.abs(c)
                        && Math.abs(term) * z / (1 - z) <= TOLERANCE * Math.abs(sum)) {
                    return sum;
                }
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
