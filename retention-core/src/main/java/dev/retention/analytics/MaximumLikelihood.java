package dev.retention.analytics;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over log-parameters with Commons Math's Nelder-Mead simplex, from several starting
 * points, restarting each converged search once from its optimum (a standard guard against a collapsed simplex).
 * Large data sets are first fitted on a deterministic subsample (every k-th customer) and the full likelihood is then
 * only polished from that optimum, which saves most of the expensive full evaluations; the result is still the
 * maximum of the full likelihood.
 * Non-finite likelihoods count as minus infinity so the search steps away from them.
 */
final class MaximumLikelihood {

    record Result(double[] point, double value) {
    }

    private MaximumLikelihood() {
    }

    static Result maximise(ToDoubleFunction<double[]> logLikelihood, double[][] starts) {
        return maximise(logLikelihood, starts, 0.5, 2, 1e-10);
    }

    /**
     * Polishes a point that is already close to the optimum (e.g. the optimum on a subsample) with a small initial
     * simplex: one search on the full likelihood, to a relative change of 1e-9 in the log-likelihood.
     */
    static Result polish(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        return maximise(logLikelihood, new double[][] {start}, 0.05, 1, 1e-9);
    }

    private static Result maximise(ToDoubleFunction<double[]> logLikelihood, double[][] starts, double step,
            int rounds, double relativeTolerance) {
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            double v = logLikelihood.applyAsDouble(p);
            return Double.isFinite(v) ? v : Double.NEGATIVE_INFINITY;
        });
        Result best = null;
        for (double[] start : starts) {
            double[] point = start;
            double value = Double.NEGATIVE_INFINITY;
            for (int round = 0; round < rounds; round++) {
                SimplexOptimizer optimizer = new SimplexOptimizer(relativeTolerance, 1e-9);
                PointValuePair found = optimizer.optimize(objective, GoalType.MAXIMIZE, new InitialGuess(point),
                        new NelderMeadSimplex(point.length, step), new MaxEval(20_000), new MaxIter(20_000));
                point = found.getPoint();
                value = found.getValue();
            }
            if (best == null || value > best.value()) {
                best = new Result(point, value);
            }
        }
        return best;
    }

    /** Every {@code k}-th element, so that about {@code target} remain (all of them when there are fewer). */
    static <T> java.util.List<T> subsample(java.util.List<T> all, int target) {
        if (all.size() <= target) {
            return all;
        }
        int k = (all.size() + target - 1) / target;
        java.util.List<T> sample = new java.util.ArrayList<>(all.size() / k + 1);
        for (int i = 0; i < all.size(); i += k) {
            sample.add(all.get(i));
        }
        return sample;
    }

    /**
     * Sums {@code term(i)} for i in [0, n) in parallel chunks, adding the chunk sums in a fixed order so the result
     * does not depend on thread scheduling.
     */
    static double parallelSum(int n, java.util.function.IntToDoubleFunction term) {
        int chunks = n < 20_000 ? 1 : Math.min(64, n / 5_000);
        double[] partial = new double[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            double sum = 0;
            for (int i = (int) ((long) n * c / chunks), end = (int) ((long) n * (c + 1) / chunks); i < end; i++) {
                sum += term.applyAsDouble(i);
            }
            partial[c] = sum;
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }
}
