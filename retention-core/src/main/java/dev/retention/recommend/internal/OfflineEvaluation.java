package dev.retention.recommend.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Offline evaluation on a time-based split: order lines before the split time train the model, and each
 * customer who bought before and after it is asked for {@code k} recommendations from the training history
 * alone. Relevant items are the distinct products the customer bought after the split that they had not bought
 * before (re-purchases are not discoveries). Metrics, averaged over those customers:
 * <ul>
 * <li>precision@k = hits / k; recall@k = hits / |relevant|; hit rate = share of customers with a hit;</li>
 * <li>NDCG@k = DCG / ideal DCG with {@code DCG = sum over hit ranks r (1-based) of 1 / log2(r + 1)};</li>
 * <li>coverage = distinct recommended products / products in the training data.</li>
 * </ul>
 * Recommendations are scored as in production (recency-weighted history, then popular products to fill up).
 */
public final class OfflineEvaluation {

    /** One order line of the history. */
    public record Line(String customerId, String orderId, String productId, String category, Instant at) {
    }

    /** One row of the result table. */
    public record Metrics(String algorithm, int k, int customers, double precision, double recall, double ndcg,
            double hitRate, double coverage, long trainMillis) {
    }

    /** The split: training data, each test customer's training history and their relevant test items. */
    public static final class Split {
        public final Interactions train = new Interactions();
        public final Instant splitAt;
        /** Per test customer: training purchases (product id, last bought), most recent first. */
        public final Map<String, List<CustomerPurchases.Purchase>> history = new LinkedHashMap<>();
        /** Per test customer: distinct products first bought after the split. */
        public final Map<String, List<String>> relevant = new LinkedHashMap<>();

        Split(Instant splitAt) {
            this.splitAt = splitAt;
        }
    }

    private OfflineEvaluation() {
    }

    /** Splits lines at the time below which {@code trainShare} of them fall. */
    public static Split split(List<Line> lines, double trainShare) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(Line::at));
        Instant splitAt = sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * trainShare))).at();
        Split split = new Split(splitAt);
        Map<String, Map<String, Instant>> bought = new HashMap<>();
        Map<String, List<String>> later = new LinkedHashMap<>();
        for (Line line : sorted) {
            if (line.at().isBefore(splitAt)) {
                split.train.addPurchase(TrainingData.customerKey(line.customerId()), line.orderId(), line.productId(),
                        line.category(), line.at());
                bought.computeIfAbsent(line.customerId(), c -> new HashMap<>()).merge(line.productId(), line.at(),
                        (a, b) -> a.isAfter(b) ? a : b);
            } else {
                later.computeIfAbsent(line.customerId(), c -> new ArrayList<>()).add(line.productId());
            }
        }
        later.forEach((customer, products) -> {
            Map<String, Instant> before = bought.get(customer);
            if (before == null) {
                return;
            }
            List<String> fresh = products.stream().distinct().filter(p -> !before.containsKey(p)).toList();
            if (fresh.isEmpty()) {
                return;
            }
            List<CustomerPurchases.Purchase> history = new ArrayList<>();
            before.forEach((p, at) -> history.add(new CustomerPurchases.Purchase(p, at)));
            history.sort(Comparator.comparing(CustomerPurchases.Purchase::lastBought).reversed()
                    .thenComparing(CustomerPurchases.Purchase::productId));
            split.history.put(customer, history);
            split.relevant.put(customer, fresh);
        });
        return split;
    }

    /** Popularity baseline and item-item with each similarity, on the same split. */
    public static List<Metrics> evaluate(Split split, int k, TrainingSettings base, Duration recencyHalfLife,
            int historySize) {
        List<Metrics> rows = new ArrayList<>();
        RecommendationIndex popularityIndex = null;
        for (var similarity : dev.retention.recommend.Similarity.values()) {
            TrainingSettings settings = new TrainingSettings(similarity, base.neighbours(), base.minSupport(),
                    base.minConfidence(), base.minLift(), base.trendingHalfLife(), base.maxItemsPerCustomer(),
                    base.popularPerCategory());
            long started = System.nanoTime();
            RecommendationIndex index = new IndexTrainer(settings).train(split.train, split.splitAt);
            long trainMillis = (System.nanoTime() - started) / 1_000_000;
            popularityIndex = index;
            Accumulator acc = new Accumulator(k, index.itemCount());
            Scorer scorer = new Scorer();
            split.relevant.forEach((customer, relevant) -> acc.add(
                    recommend(index, scorer, split.history.get(customer), split.splitAt, recencyHalfLife,
                            historySize, k), relevant));
            rows.add(acc.metrics("item-item " + similarity.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    trainMillis));
        }
        RecommendationIndex index = popularityIndex;
        Accumulator acc = new Accumulator(k, index.itemCount());
        Scorer scorer = new Scorer();
        split.relevant.forEach((customer, relevant) -> acc.add(
                fill(index, scorer, new ArrayList<>(), owned(split.history.get(customer)), k), relevant));
        rows.add(0, acc.metrics("popularity", 0));
        return rows;
    }

    /** Top-k for one customer as production scores it: recency-weighted neighbours, then popular fill-up. */
    public static List<String> recommend(RecommendationIndex index, Scorer scorer,
            List<CustomerPurchases.Purchase> history, Instant now, Duration recencyHalfLife, int historySize,
            int k) {
        int n = Math.min(historySize, history.size());
        int[] items = new int[n];
        float[] weights = new float[n];
        double halfLife = recencyHalfLife.getSeconds();
        for (int h = 0; h < n; h++) {
            items[h] = index.itemNo(history.get(h).productId());
            double age = Math.max(0, now.getEpochSecond() - history.get(h).lastBought().getEpochSecond());
            weights[h] = (float) Math.pow(2, -age / halfLife);
        }
        java.util.Set<String> owned = owned(history);
        Candidates candidates = scorer.score(index, items, weights, n, 1f, 0f, false, k + owned.size());
        List<String> out = new ArrayList<>(k);
        for (int r = 0; r < candidates.size() && out.size() < k; r++) {
            String id = index.productId(candidates.items[r]);
            if (!owned.contains(id)) {
                out.add(id);
            }
        }
        return fill(index, scorer, out, owned, k);
    }

    private static java.util.Set<String> owned(List<CustomerPurchases.Purchase> history) {
        java.util.Set<String> owned = new java.util.HashSet<>();
        history.forEach(p -> owned.add(p.productId()));
        return owned;
    }

    private static List<String> fill(RecommendationIndex index, Scorer scorer, List<String> out,
            java.util.Set<String> owned, int k) {
        if (out.size() < k) {
            Candidates popular = scorer.popular(index, -1, k + owned.size() + out.size());
            for (int r = 0; r < popular.size() && out.size() < k; r++) {
                String id = index.productId(popular.items[r]);
                if (!owned.contains(id) && !out.contains(id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** Sums the per-customer metrics of ranked lists. */
    public static final class Accumulator {
        private final int k;
        private final int catalogue;
        private final java.util.Set<String> recommended = new java.util.HashSet<>();
        private int customers;
        private double precision;
        private double recall;
        private double ndcg;
        private int hits;

        public Accumulator(int k, int catalogue) {
            this.k = k;
            this.catalogue = catalogue;
        }

        public synchronized void add(List<String> ranked, List<String> relevant) {
            customers++;
            int found = 0;
            double dcg = 0;
            for (int r = 0; r < Math.min(k, ranked.size()); r++) {
                recommended.add(ranked.get(r));
                if (relevant.contains(ranked.get(r))) {
                    found++;
                    dcg += 1 / log2(r + 2);
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(k, relevant.size()); r++) {
                ideal += 1 / log2(r + 2);
            }
            precision += (double) found / k;
            recall += (double) found / relevant.size();
            ndcg += dcg / ideal;
            hits += found > 0 ? 1 : 0;
        }

        public Metrics metrics(String algorithm, long trainMillis) {
            int n = Math.max(1, customers);
            return new Metrics(algorithm, k, customers, precision / n, recall / n, ndcg / n, (double) hits / n,
                    catalogue == 0 ? 0 : (double) recommended.size() / catalogue, trainMillis);
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }

    /** The metrics as a fixed-width text table. */
    public static String table(List<Metrics> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-26s %6s %10s %12s %12s %10s %9s %9s %9s%n", "algorithm", "k", "customers", "precision@k",
                "recall@k", "NDCG@k", "hit rate", "coverage", "train ms"));
        for (Metrics m : rows) {
            out.append(String.format(Locale.ROOT, "%-26s %6d %10d %12.4f %12.4f %10.4f %9.4f %9.4f %9d%n",
                    m.algorithm(), m.k(), m.customers(), m.precision(), m.recall(), m.ndcg(), m.hitRate(),
                    m.coverage(), m.trainMillis()));
        }
        return out.toString();
    }
}
