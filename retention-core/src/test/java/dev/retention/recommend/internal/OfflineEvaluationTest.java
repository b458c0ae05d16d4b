package dev.retention.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.recommend.Similarity;
import dev.retention.recommend.internal.OfflineEvaluation.Line;
import dev.retention.recommend.internal.OfflineEvaluation.Metrics;
import dev.retention.recommend.internal.OfflineEvaluation.Split;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineEvaluationTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");

    /**
     * Before the split: u1 A B, u2 A B, u3 A, u4 C. After: u3 buys B (new to u3), u4 buys D (unknown product).
     */
    private static List<Line> history() {
        return List.of(new Line("u1", "o1", "A", "x", T1), new Line("u1", "o1", "B", "x", T1),
                new Line("u2", "o2", "A", "x", T1), new Line("u2", "o2", "B", "x", T1),
                new Line("u3", "o3", "A", "x", T1), new Line("u4", "o4", "C", "y", T1),
                new Line("u3", "o5", "B", "x", T2), new Line("u4", "o6", "D", "y", T2));
    }

    @Test
    void theSplitKeepsCustomersWithHistoryAndNewPurchasesAfterIt() {
        Split split = OfflineEvaluation.split(history(), 0.75);

        // 8 lines, 75 % -> the 7th line (index 6) sets the split at T2
        assertThat(split.splitAt).isEqualTo(T2);
        assertThat(split.relevant).containsOnlyKeys("u3", "u4");
        assertThat(split.relevant.get("u3")).containsExactly("B");
        assertThat(split.train.orderCount()).isEqualTo(4);
    }

    @Test
    void metricsAreAveragedOverTestCustomers() {
        Split split = OfflineEvaluation.split(history(), 0.75);

        List<Metrics> rows = OfflineEvaluation.evaluate(split, 2,
                TrainingSettings.defaults(Similarity.COSINE), Duration.ofDays(90), 50);

        // u3 (history A): B is A's neighbour, then popular C fills -> [B, C], B relevant at rank 1:
        //   precision 1/2, recall 1, NDCG 1, hit. u4 (history C): no neighbours -> popular [A, B], D missed: 0.
        // averages: precision 0.25, recall 0.5, NDCG 0.5, hit rate 0.5; coverage {A, B, C} / 3 products = 1
        assertThat(rows).extracting(Metrics::algorithm)
                .containsExactly("popularity", "item-item cosine", "item-item log-likelihood");
        Metrics cosine = rows.get(1);
        assertThat(cosine.customers()).isEqualTo(2);
        assertThat(cosine.precision()).isCloseTo(0.25, within(1e-9));
        assertThat(cosine.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(cosine.ndcg()).isCloseTo(0.5, within(1e-9));
        assertThat(cosine.hitRate()).isCloseTo(0.5, within(1e-9));
        assertThat(cosine.coverage()).isCloseTo(1.0, within(1e-9));
        assertThat(OfflineEvaluation.table(rows)).contains("precision@k", "item-item log-likelihood");
    }

    @Test
    void ndcgDiscountsAHitByItsRank() {
        OfflineEvaluation.Accumulator acc = new OfflineEvaluation.Accumulator(2, 10);

        acc.add(List.of("X", "Y"), List.of("Y", "Z"));

        // hit at rank 2: DCG = 1 / log2(3) = 0.6309; ideal (2 relevant) = 1 + 0.6309 -> NDCG 0.3869
        Metrics m = acc.metrics("t", 0);
        assertThat(m.ndcg()).isCloseTo(0.3869, within(1e-4));
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.coverage()).isEqualTo(0.2);
    }
}
