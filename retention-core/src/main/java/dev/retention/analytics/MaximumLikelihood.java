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
 * Non-finite likelihoods count as minus infinity so the search steps away from them.
 */
final class MaximumLikelihood {

    record Result(double[] point, double value) {
    }

    private MaximumLikelihood() {
    }

    static Result maximise(ToDoubleFunction<double[]> logLikelihood, double[][] starts) {
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            double v = logLikelihood.applyAsDouble(p);
            return Double.isFinite(v) ? v : Double.NEGATIVE_INFINITY;
        });
        Result best = null;
        for (double[] start : starts) {
            double[] point = start;
            double value = Double.NEGATIVE_INFINITY;
            for (int round = 0; round < 2; round++) {
                SimplexOptimizer optimizer = new SimplexOptimizer(1e-11, 1e-9);
                PointValuePair found = optimizer.optimize(objective, GoalType.MAXIMIZE, new InitialGuess(point),
                        new NelderMeadSimplex(point.length, 0.5), new MaxEval(20_000), new MaxIter(20_000));
                point = found.getPoint();
                value = found.getValue();
            }
            if (best == null || value > best.value()) {
                best = new Result(point, value);
            }
        }
        return best;
    }
}
