package dev.retention.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.recommend.Similarity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Four customers, one order each (all amounts worked out by hand):
 * <pre>
 *   u1/o1: A, B   (30 days ago)      u3/o3: A, C   (now)
 *   u2/o2: A, B   (30 days ago)      u4/o4: D      (60 days ago)
 * </pre>
 * Customer vectors: A = {u1, u2, u3}, B = {u1, u2}, C = {u3}, D = {u4}; 4 customers, 4 orders.
 */
class IndexTrainerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static TrainingSettings settings(Similarity similarity) {
        // minSupport 2, minConfidence 0.5, minLift 1.0, trending half-life 30 days
        return new TrainingSettings(similarity, 10, 2, 0.5, 1.0, Duration.ofDays(30), 500, 10);
    }

    private static Interactions baskets() {
        Interactions data = new Interactions();
        Instant monthAgo = NOW.minus(Duration.ofDays(30));
        data.addPurchase("u1", "o1", "A", "coffee", monthAgo);
        data.addPurchase("u1", "o1", "B", "coffee", monthAgo);
        data.addPurchase("u2", "o2", "A", "coffee", monthAgo);
        data.addPurchase("u2", "o2", "B", "coffee", monthAgo);
        data.addPurchase("u3", "o3", "A", "coffee", NOW);
        data.addPurchase("u3", "o3", "C", "tea", NOW);
        data.addPurchase("u4", "o4", "D", "tea", NOW.minus(Duration.ofDays(60)));
        return data;
    }

    @Test
    void cosineNeighboursAreTheNormalisedCoOccurrences() {
        RecommendationIndex index = new IndexTrainer(settings(Similarity.COSINE)).train(baskets(), NOW);

        // cos(A, B) = |{u1, u2}| / (sqrt(3) * sqrt(2)) = 2 / sqrt(6) = 0.8165
        // cos(A, C) = |{u3}| / (sqrt(3) * sqrt(1)) = 0.5774; D shares no customer with anyone
        assertThat(neighbours(index, "A")).containsExactly("B", "C");
        assertThat(index.similarScore(index.itemNo("A"), 0)).isCloseTo(0.8165f, within(1e-4f));
        assertThat(index.similarScore(index.itemNo("A"), 1)).isCloseTo(0.5774f, within(1e-4f));
        assertThat(neighbours(index, "B")).containsExactly("A");
        assertThat(neighbours(index, "D")).isEmpty();
    }

    @Test
    void logLikelihoodMatchesDunningsRatioOnTheTwoByTwoTable() {
        RecommendationIndex index = new IndexTrainer(settings(Similarity.LOG_LIKELIHOOD)).train(baskets(), NOW);

        // A-B: k11 = 2, k12 = 1 (u3), k21 = 0, k22 = 1 (u4); H(rows) = 4ln4 - 3ln3 = 2.2493,
        // H(cols) = 4ln4 - 2ln2 - 2ln2 = 2.7726, H(matrix) = 4ln4 - 2ln2 = 4.1589;
        // llr = 2 * (2.2493 + 2.7726 - 4.1589) = 1.7261; similarity = 1 - 1 / 2.7261 = 0.6332
        // A-C: k11 = 1, k12 = 2, k21 = 0, k22 = 1; llr = 0.6796; similarity = 0.4046
        assertThat(neighbours(index, "A")).containsExactly("B", "C");
        assertThat(index.similarScore(index.itemNo("A"), 0)).isCloseTo(0.6332f, within(1e-4f));
        assertThat(index.similarScore(index.itemNo("A"), 1)).isCloseTo(0.4046f, within(1e-4f));
    }

    @Test
    void negativeAssociationsScoreZeroUnderLogLikelihood() {
        // 10 customers; X and Y each bought by 5, together by 1: expected 2.5 together, seen 1 -> not similar
        assertThat(IndexTrainer.logLikelihoodSimilarity(1, 5, 5, 10)).isZero();
        assertThat(IndexTrainer.logLikelihoodSimilarity(5, 5, 5, 10)).isGreaterThan(0.8f);
    }

    @Test
    void boughtTogetherKeepsPairsAboveSupportConfidenceAndLift() {
        RecommendationIndex index = new IndexTrainer(settings(Similarity.COSINE)).train(baskets(), NOW);

        // A is in 3 orders, B in 2 of them: support 2, confidence 2/3, lift (2/3) * 4 orders / 2 = 1.33 -> kept
        // A with C: support 1 < minSupport 2 -> dropped
        // B is in 2 orders, both with A: confidence 1.0, lift 1.0 * 4 / 3 = 1.33 -> kept
        int a = index.itemNo("A");
        assertThat(index.togetherCount(a)).isEqualTo(1);
        assertThat(index.productId(index.togetherItem(a, 0))).isEqualTo("B");
        assertThat(index.togetherScore(a, 0)).isCloseTo(0.6667f, within(1e-4f));
        int b = index.itemNo("B");
        assertThat(index.togetherScore(b, 0)).isEqualTo(1.0f);
        assertThat(index.togetherCount(index.itemNo("C"))).isZero();
    }

    @Test
    void trendingPopularityHalvesEveryHalfLifeAndIsRankedPerCategory() {
        RecommendationIndex index = new IndexTrainer(settings(Similarity.COSINE)).train(baskets(), NOW);
        Scorer scorer = new Scorer();

        // A: two sales 30 days ago (0.5 each) + one now (1) = 2; B: 0.5 + 0.5 = 1; C: 1; D: 60 days ago = 0.25
        assertThat(index.popularity(index.itemNo("A"))).isCloseTo(2.0f, within(1e-5f));
        assertThat(index.popularity(index.itemNo("D"))).isCloseTo(0.25f, within(1e-5f));
        assertThat(ids(index, scorer.popular(index, -1, 10))).containsExactly("A", "B", "C", "D");
        assertThat(ids(index, scorer.popular(index, index.categoryNo("tea"), 10))).containsExactly("C", "D");
    }

    @Test
    void personalScoresSumNeighbourSimilaritiesWeightedByRecencyAndNameTheStrongestAnchor() {
        RecommendationIndex index = new IndexTrainer(settings(Similarity.COSINE)).train(baskets(), NOW);

        // history B (weight 1) and C (weight 0.5): A = 1 * 0.8165 + 0.5 * 0.5774 = 1.1052, mostly because of B
        Candidates candidates = new Scorer().score(index, new int[] {index.itemNo("B"), index.itemNo("C")},
                new float[] {1f, 0.5f}, 2, 1f, 0f, true, 10);

        assertThat(ids(index, candidates)).containsExactly("A");
        assertThat(candidates.scores[0]).isCloseTo(1.1052f, within(1e-4f));
        assertThat(index.productId(candidates.because[0])).isEqualTo("B");
        assertThat(candidates.together[0]).isFalse();
    }

    @Test
    void foldInRecomputesTheRowsOfItemsInNewOrdersOnly() {
        IndexTrainer trainer = new IndexTrainer(settings(Similarity.COSINE));
        Interactions data = baskets();
        RecommendationIndex before = trainer.train(data, NOW);

        data.addPurchase("u4", "o5", "C", "tea", NOW);
        data.addPurchase("u4", "o5", "D", "tea", NOW);
        boolean[] changed = new boolean[data.itemCount()];
        changed[before.itemNo("C")] = true;
        changed[before.itemNo("D")] = true;
        RecommendationIndex after = trainer.update(before, data, NOW, changed);

        // C = {u3, u4}: cos(C, D) = 1 / (sqrt(2) * 1) = 0.7071, cos(C, A) = 1 / (sqrt(2) * sqrt(3)) = 0.4082
        assertThat(neighbours(after, "C")).containsExactly("D", "A");
        assertThat(after.similarScore(after.itemNo("C"), 0)).isCloseTo(0.7071f, within(1e-4f));
        assertThat(after.similarScore(after.itemNo("C"), 1)).isCloseTo(0.4082f, within(1e-4f));
        // A's row is kept from the full run until the next one (still 0.5774 for C)
        assertThat(after.similarScore(after.itemNo("A"), 1)).isCloseTo(0.5774f, within(1e-4f));
        assertThat(after.orders()).isEqualTo(5);
    }

    @Test
    void weakerSignalsCountWithTheirWeight() {
        Interactions data = new Interactions();
        data.addPurchase("u1", "o1", "A", "coffee", NOW);
        data.addSignal("u1", "B", 0.5f, NOW);
        data.addPurchase("u2", "o2", "B", "coffee", NOW);
        RecommendationIndex index = new IndexTrainer(settings(Similarity.COSINE)).train(data, NOW);

        // A = {u1: 1}, B = {u1: 0.5, u2: 1}: cos = 0.5 / (1 * sqrt(1.25)) = 0.4472; views never count as sales
        assertThat(index.similarScore(index.itemNo("A"), 0)).isCloseTo(0.4472f, within(1e-4f));
        assertThat(index.popularity(index.itemNo("B"))).isEqualTo(1f);
    }

    @Test
    void theIndexSurvivesARoundTripThroughBytes() {
        RecommendationIndex index = new IndexTrainer(settings(Similarity.LOG_LIKELIHOOD)).train(baskets(), NOW);

        RecommendationIndex copy = RecommendationIndex.fromBytes(index.toBytes());

        assertThat(neighbours(copy, "A")).containsExactly("B", "C");
        assertThat(copy.similarScore(copy.itemNo("A"), 0)).isEqualTo(index.similarScore(index.itemNo("A"), 0));
        assertThat(copy.togetherScore(copy.itemNo("A"), 0)).isEqualTo(index.togetherScore(index.itemNo("A"), 0));
        assertThat(copy.category(copy.itemNo("C"))).isEqualTo("tea");
        assertThat(copy.trainedAt()).isEqualTo(NOW);
        assertThat(copy.similarity()).isEqualTo(Similarity.LOG_LIKELIHOOD);
    }

    private static java.util.List<String> neighbours(RecommendationIndex index, String productId) {
        int item = index.itemNo(productId);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int r = 0; r < index.similarCount(item); r++) {
            ids.add(index.productId(index.similarItem(item, r)));
        }
        return ids;
    }

    private static java.util.List<String> ids(RecommendationIndex index, Candidates candidates) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int r = 0; r < candidates.size(); r++) {
            ids.add(index.productId(candidates.items[r]));
        }
        return ids;
    }
}
