package dev.retention.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RfmScoringTest {

    private static RfmScoring.Input customer(String id, int lastOrderDay, int orders, int revenue) {
        return new RfmScoring.Input(id, Instant.EPOCH.plusSeconds(86_400L * lastOrderDay), orders,
                BigDecimal.valueOf(revenue));
    }

    @Test
    void recencyAndMonetaryQuintilesHaveEqualSizesWithTiesBrokenByCustomerId() {
        List<RfmScoring.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // c0..c9 all last ordered on day 5 and spent 100: only the customer id orders them.
            inputs.add(customer("c" + i, 5, 1, 100));
        }

        Map<String, RfmScoring.Score> scores = RfmScoring.score(inputs).stream()
                .collect(Collectors.toMap(s -> s.input().customerId(), s -> s));

        // position i of 10 -> floor(5 i / 10) + 1: c0,c1 -> 1; c2,c3 -> 2; ...; c8,c9 -> 5
        assertThat(scores.get("c0").recency()).isEqualTo(1);
        assertThat(scores.get("c1").recency()).isEqualTo(1);
        assertThat(scores.get("c2").recency()).isEqualTo(2);
        assertThat(scores.get("c9").recency()).isEqualTo(5);
        assertThat(scores.get("c9").monetary()).isEqualTo(5);
        assertThat(scores.values().stream().collect(Collectors.groupingBy(RfmScoring.Score::recency,
                Collectors.counting()))).containsOnlyKeys(1, 2, 3, 4, 5).allSatisfy((k, v) -> assertThat(v).isEqualTo(2));
    }

    @Test
    void moreRecentAndHigherSpendingCustomersScoreHigher() {
        List<RfmScoring.Score> scores = RfmScoring.score(List.of(customer("old", 1, 1, 10),
                customer("recent", 100, 1, 500)));

        // n = 2: positions 0 and 1 -> scores 1 and 3
        assertThat(scores.get(0).recency()).isEqualTo(1);
        assertThat(scores.get(1).recency()).isEqualTo(3);
        assertThat(scores.get(1).monetary()).isEqualTo(3);
    }

    @Test
    void frequencyTiesGoToTheLowerBucket() {
        // orders 1,1,1,1,1,1,2,2,3,5: all six one-time buyers take the bucket of position 0 (score 1), the two with 2
        // orders that of position 6 (floor(30/10)+1 = 4), 3 orders position 8 (5), 5 orders position 9 (5).
        int[] orders = {1, 1, 1, 1, 1, 1, 2, 2, 3, 5};
        List<RfmScoring.Input> inputs = new ArrayList<>();
        for (int i = 0; i < orders.length; i++) {
            inputs.add(customer("c" + i, i, orders[i], 10 * (i + 1)));
        }

        List<Integer> f = RfmScoring.score(inputs).stream().map(RfmScoring.Score::frequency).toList();

        assertThat(f).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    }

    @Test
    void gridGivesEverySegmentAndReadsRecencyAgainstCombinedFrequencyMonetary() {
        assertThat(RfmSegmentGrid.segment(5, 5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegmentGrid.segment(5, 1, 1)).isEqualTo(RfmSegment.NEW);
        assertThat(RfmSegmentGrid.segment(1, 1, 1)).isEqualTo(RfmSegment.LOST);
        assertThat(RfmSegmentGrid.segment(1, 5, 4)).isEqualTo(RfmSegment.CANT_LOSE_THEM);
        // FM = ceil((3 + 4) / 2) = 4 -> R 3 / FM 4 = Loyal
        assertThat(RfmSegmentGrid.fm(3, 4)).isEqualTo(4);
        assertThat(RfmSegmentGrid.segment(3, 3, 4)).isEqualTo(RfmSegment.LOYAL);
        Set<RfmSegment> seen = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    seen.add(RfmSegmentGrid.segment(r, f, m));
                }
            }
        }
        assertThat(seen).isEqualTo(EnumSet.allOf(RfmSegment.class));
        assertThatThrownBy(() -> RfmSegmentGrid.segment(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
