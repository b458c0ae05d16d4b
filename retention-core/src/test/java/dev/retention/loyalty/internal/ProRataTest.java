package dev.retention.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProRataTest {

    @Test
    void cumulativeSharesNeverTakeMoreThanWasEarned() {
        // three refunds of a third each: targets 33, 67, 100 -> clawed 33 + 34 + 33
        long earned = 100;
        long first = LoyaltyEngine.proRata(earned, new BigDecimal("0.333333333333"));
        long second = LoyaltyEngine.proRata(earned, new BigDecimal("0.666666666667"));
        long third = LoyaltyEngine.proRata(earned, BigDecimal.ONE);

        assertThat(first).isEqualTo(33);
        assertThat(second).isEqualTo(67);
        assertThat(third).isEqualTo(100);
        assertThat(LoyaltyEngine.proRata(earned, new BigDecimal("1.5"))).isEqualTo(100);
    }
}
