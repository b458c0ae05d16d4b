package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    @Test
    void logGammaIsExactOnFactorialsAndFiniteForHugeArguments() {
        // Γ(11) = 10! = 3,628,800
        assertThat(SpecialFunctions.logGamma(11)).isCloseTo(Math.log(3_628_800), within(1e-12));
        // Stirling: ln Γ(1e7) = (1e7 - 0.5) ln 1e7 - 1e7 + 0.5 ln 2π + 1/(12e7) = 151180949.32...
        double x = 1e7;
        double stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
        assertThat(SpecialFunctions.logGamma(x)).isCloseTo(stirling, within(1e-6));
    }

    @Test
    void logBetaStaysAccurateWhereTheGammaFunctionsOverflow() {
        // B(1, n) = 1/n exactly; Γ(1e6) itself overflows a double.
        assertThat(SpecialFunctions.logBeta(1, 1e6)).isCloseTo(-Math.log(1e6), within(1e-9));
        // B(2, 3) = 1! 2! / 4! = 2/24 = 1/12
        assertThat(SpecialFunctions.logBeta(2, 3)).isCloseTo(-Math.log(12), within(1e-14));
    }

    @Test
    void hypergeometricMatchesClosedForms() {
        // 2F1(1, 1; 2; z) = -ln(1-z)/z
        double z = 0.9;
        assertThat(SpecialFunctions.hyp2f1(1, 1, 2, z)).isCloseTo(-Math.log(1 - z) / z, within(1e-12));
        // 2F1(a, b; b; z) = (1-z)^-a
        assertThat(SpecialFunctions.hyp2f1(0.7, 3, 3, 0.5)).isCloseTo(Math.pow(0.5, -0.7), within(1e-12));
        // Large c (a customer with many purchases): the series converges quickly towards 1 + a b z / c
        assertThat(SpecialFunctions.hyp2f1(2.0, -0.2, 1e6, 0.99)).isCloseTo(1 + 2 * -0.2 * 0.99 / 1e6, within(1e-9));
    }

    @Test
    void logAddExpNeverOverflows() {
        assertThat(SpecialFunctions.logAddExp(1000, 1000)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(SpecialFunctions.logAddExp(-1e6, Double.NEGATIVE_INFINITY)).isEqualTo(-1e6);
    }
}
