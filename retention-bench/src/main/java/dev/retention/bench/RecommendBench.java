package dev.retention.bench;

import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import dev.retention.recommend.Placement;
import dev.retention.recommend.Recommendation;
import dev.retention.recommend.RecommendationRequest;
import dev.retention.recommend.Recommendations;
import dev.retention.recommend.Similarity;
import dev.retention.recommend.internal.CustomerPurchases;
import dev.retention.recommend.internal.CustomerPurchases.Purchase;
import dev.retention.recommend.internal.IndexStore;
import dev.retention.recommend.internal.IndexTrainer;
import dev.retention.recommend.internal.Interactions;
import dev.retention.recommend.internal.OfflineEvaluation;
import dev.retention.recommend.internal.OfflineEvaluation.Accumulator;
import dev.retention.recommend.internal.OfflineEvaluation.Line;
import dev.retention.recommend.internal.OfflineEvaluation.Split;
import dev.retention.recommend.internal.RecommendationEngine;
import dev.retention.recommend.internal.RecommendationIndex;
import dev.retention.recommend.internal.Scorer;
import dev.retention.recommend.internal.TrainingData;
import dev.retention.recommend.internal.TrainingSettings;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.TanimotoCoefficientSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.recommender.RecommendedItem;
import org.apache.mahout.cf.taste.similarity.ItemSimilarity;

/**
 * {@code recommend}: training time, top-10 for every customer, accuracy on a time split against Apache Mahout 0.13
 * Taste ({@code GenericBooleanPrefItemBasedRecommender} with log-likelihood and Tanimoto), serving latency per
 * placement through the full {@link Recommendations} path, and the heap of a 100,000-product top-50 index.
 * Options: {@code --lines=1000000 --customers=100000 --products=10000 --mahout-sample=2000
 * --requests=200000 --heap-products=100000 --seed=42}.
 */
final class RecommendBench {

    private static final int K = 10;
    private static final Duration RECENCY = Duration.ofDays(90);

    private RecommendBench() {
    }

    static void run(String[] args) throws Exception {
        Map<String, String> options = RecommendEval.options(args, "lines", "customers", "products", "mahout-sample",
                "requests", "heap-products", "seed");
        int lineCount = Integer.parseInt(options.getOrDefault("lines", "1000000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "100000"));
        int products = Integer.parseInt(options.getOrDefault("products", "10000"));
        int mahoutSample = Integer.parseInt(options.getOrDefault("mahout-sample", "2000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "200000"));
        int heapProducts = Integer.parseInt(options.getOrDefault("heap-products", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        System.out.printf(Locale.ROOT, "cores=%d maxHeapMb=%d loadAverage=%.1f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        long t = System.nanoTime();
        RecommendData data = RecommendData.generate(customers, products, lineCount, seed);
        System.out.printf(Locale.ROOT, "generated %d lines in %d ms%n", data.lines.size(), ms(t));
        result("recommend.data.lines", data.lines.size(), "lines");

        // 1. training time on the whole history (1M lines), both similarities; one warm-up run each
        Interactions all = interactions(data.lines);
        Instant end = RecommendData.START.plus(Duration.ofDays(365));
        Map<Similarity, RecommendationIndex> full = new LinkedHashMap<>();
        for (Similarity similarity : Similarity.values()) {
            IndexTrainer trainer = new IndexTrainer(settings(similarity, 50));
            trainer.train(all, end);
            long best = Long.MAX_VALUE;
            RecommendationIndex index = null;
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                index = trainer.train(all, end);
                best = Math.min(best, System.nanoTime() - started);
            }
            full.put(similarity, index);
            result("recommend.train." + name(similarity) + ".ms", best / 1e6, "ms");
        }

        // 2. accuracy on a time split (80 % train) and top-10 for every customer, ours vs Mahout
        Split split = OfflineEvaluation.split(data.lines, 0.8);
        List<String> testCustomers = new ArrayList<>(split.relevant.keySet());
        Collections.shuffle(testCustomers, new Random(seed));
        List<String> sample = testCustomers.subList(0, Math.min(mahoutSample, testCustomers.size()));
        Map<String, List<Purchase>> trainHistory = histories(data.lines, split.splitAt);
        result("recommend.split.test_customers", testCustomers.size(), "customers");
        result("recommend.split.train_customers", trainHistory.size(), "customers");

        for (Similarity similarity : Similarity.values()) {
            long started = System.nanoTime();
            RecommendationIndex index = new IndexTrainer(settings(similarity, 50)).train(split.train, split.splitAt);
            List<String> customerIds = new ArrayList<>(trainHistory.keySet());
            AtomicLong served = new AtomicLong();
            ThreadLocal<Scorer> scorers = ThreadLocal.withInitial(Scorer::new);
            customerIds.parallelStream().forEach(c -> {
                OfflineEvaluation.recommend(index, scorers.get(), trainHistory.get(c), split.splitAt, RECENCY, 50, K);
                served.incrementAndGet();
            });
            long total = System.nanoTime() - started;
            String prefix = "recommend.ours." + name(similarity);
            result(prefix + ".train_and_top10_all_customers.ms", total / 1e6, "ms");
            Accumulator everyone = new Accumulator(K, index.itemCount());
            Accumulator onSample = new Accumulator(K, index.itemCount());
            Scorer scorer = new Scorer();
            for (String c : testCustomers) {
                List<String> ranked = OfflineEvaluation.recommend(index, scorer, split.history.get(c), split.splitAt,
                        RECENCY, 50, K);
                everyone.add(ranked, split.relevant.get(c));
            }
            for (String c : sample) {
                onSample.add(OfflineEvaluation.recommend(index, scorer, split.history.get(c), split.splitAt, RECENCY,
                        50, K), split.relevant.get(c));
            }
            OfflineEvaluation.Metrics m = everyone.metrics(similarity.name(), 0);
            OfflineEvaluation.Metrics s = onSample.metrics(similarity.name(), 0);
            result(prefix + ".precision_at_10", m.precision(), "ratio");
            result(prefix + ".ndcg_at_10", m.ndcg(), "ratio");
            result(prefix + ".sample.precision_at_10", s.precision(), "ratio");
            result(prefix + ".sample.ndcg_at_10", s.ndcg(), "ratio");
        }
        Accumulator popular = new Accumulator(K, split.train.itemCount());
        RecommendationIndex popularIndex = new IndexTrainer(settings(Similarity.COSINE, 1)).train(split.train,
                split.splitAt);
        Scorer popScorer = new Scorer();
        for (String c : testCustomers) {
            popular.add(OfflineEvaluation.recommend(popularIndex, popScorer, List.of(), split.splitAt, RECENCY, 50,
                    K + split.history.get(c).size()).stream()
                    .filter(p -> split.history.get(c).stream().noneMatch(h -> h.productId().equals(p)))
                    .limit(K).toList(), split.relevant.get(c));
        }
        result("recommend.popularity.precision_at_10", popular.metrics("p", 0).precision(), "ratio");
        result("recommend.popularity.ndcg_at_10", popular.metrics("p", 0).ndcg(), "ratio");

        mahout(data.lines, split, sample, trainHistory.size());

        // 3. serving latency through Recommendations (catalogue filters included), LLR index of the full history
        latency(data, full.get(Similarity.LOG_LIKELIHOOD), end, requests, seed);
        full.clear();

        // 4. heap of a 100,000-product top-50 index, measured at that size
        heap(heapProducts, seed);
        System.out.printf(Locale.ROOT, "loadAverage=%.1f at the end%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void mahout(List<Line> lines, Split split, List<String> sample, int allCustomers)
            throws TasteException {
        long started = System.nanoTime();
        Map<Long, FastIDSet> prefs = new HashMap<>();
        for (Line line : lines) {
            if (line.at().isBefore(split.splitAt)) {
                prefs.computeIfAbsent(id(line.customerId()), u -> new FastIDSet()).add(id(line.productId()));
            }
        }
        FastByIDMap<FastIDSet> userData = new FastByIDMap<>(prefs.size());
        prefs.forEach(userData::put);
        DataModel model = new GenericBooleanPrefDataModel(userData);
        long buildNanos = System.nanoTime() - started;
        result("recommend.mahout.datamodel.ms", buildNanos / 1e6, "ms");
        result("recommend.mahout.sample_customers", sample.size(), "customers");
        Map<String, ItemSimilarity> similarities = new LinkedHashMap<>();
        similarities.put("llr", new LogLikelihoodSimilarity(model));
        similarities.put("tanimoto", new TanimotoCoefficientSimilarity(model));
        for (Map.Entry<String, ItemSimilarity> entry : similarities.entrySet()) {
            GenericBooleanPrefItemBasedRecommender recommender =
                    new GenericBooleanPrefItemBasedRecommender(model, entry.getValue());
            Accumulator acc = new Accumulator(K, model.getNumItems());
            long t = System.nanoTime();
            Map<String, List<String>> ranked = new java.util.concurrent.ConcurrentHashMap<>();
            sample.parallelStream().forEach(c -> {
                try {
                    List<String> ids = new ArrayList<>(K);
                    for (RecommendedItem item : recommender.recommend(id(c), K)) {
                        ids.add("p" + item.getItemID());
                    }
                    ranked.put(c, ids);
                } catch (TasteException e) {
                    throw new IllegalStateException(e);
                }
            });
            long sampleNanos = System.nanoTime() - t;
            for (String c : sample) {
                acc.add(ranked.get(c), split.relevant.get(c));
            }
            OfflineEvaluation.Metrics m = acc.metrics(entry.getKey(), 0);
            String prefix = "recommend.mahout." + entry.getKey();
            result(prefix + ".sample_top10.ms", sampleNanos / 1e6, "ms");
            result(prefix + ".per_customer.ms", sampleNanos / 1e6 / sample.size(), "ms");
            result(prefix + ".train_and_top10_all_customers_extrapolated.ms",
                    (buildNanos + (double) sampleNanos / sample.size() * allCustomers) / 1e6, "ms");
            result(prefix + ".sample.precision_at_10", m.precision(), "ratio");
            result(prefix + ".sample.ndcg_at_10", m.ndcg(), "ratio");
        }
    }

    private static void latency(RecommendData data, RecommendationIndex index, Instant now, int requests, long seed)
            throws Exception {
        Map<String, CatalogProduct> catalogue = new HashMap<>();
        for (int p = 0; p < data.products.length; p++) {
            String id = data.products[p];
            catalogue.put(id, new CatalogProduct(id, "Product " + p, BigDecimal.valueOf(5 + p % 95), "EUR",
                    "/img/" + id + ".jpg", "/p/" + id, p % 50 != 0, data.productCategory[p], null, p % 10 == 0, 0));
        }
        CatalogPort catalog = new CatalogPort() {
            @Override
            public Optional<CatalogProduct> product(String productId) {
                return Optional.ofNullable(catalogue.get(productId));
            }

            @Override
            public Map<String, CatalogProduct> products(Collection<String> productIds) {
                Map<String, CatalogProduct> found = new HashMap<>(productIds.size() * 2);
                for (String id : productIds) {
                    CatalogProduct product = catalogue.get(id);
                    if (product != null) {
                        found.put(id, product);
                    }
                }
                return found;
            }
        };
        Map<String, List<Purchase>> histories = histories(data.lines, now.plusSeconds(1));
        CustomerPurchases purchases = (customerId, max) -> {
            List<Purchase> h = histories.getOrDefault(customerId, List.of());
            return h.size() <= max ? h : h.subList(0, max);
        };
        IndexStore store = new IndexStore(null, null) {
            @Override
            public long latestVersion() {
                return 1;
            }

            @Override
            public Optional<RecommendationIndex> loadLatest() {
                return Optional.of(index);
            }
        };
        RecommendationEngine engine = new RecommendationEngine(new IndexTrainer(settings(index.similarity(), 50)),
                (TrainingData) null, store, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(180));
        engine.loadPersisted();
        Recommendations recommendations = new Recommendations(engine, catalog, purchases,
                Clock.fixed(now, ZoneOffset.UTC), RECENCY, 50, 0.5);
        String[] anchors = new String[data.lines.size()];
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = data.lines.get(i).productId();
        }
        String[] customerIds = histories.keySet().toArray(String[]::new);
        for (Placement placement : Placement.values()) {
            Random random = new Random(seed);
            long[] nanos = new long[requests];
            int warmup = requests / 4;
            long sink = 0;
            for (int r = -warmup; r < requests; r++) {
                RecommendationRequest request = switch (placement) {
                    case PRODUCT -> RecommendationRequest.of(placement,
                            List.of(anchors[random.nextInt(anchors.length)]), null, K);
                    case CART -> RecommendationRequest.of(placement, List.of(anchors[random.nextInt(anchors.length)],
                            anchors[random.nextInt(anchors.length)], anchors[random.nextInt(anchors.length)]), null, K);
                    case HOME -> RecommendationRequest.of(placement, List.of(), null, K);
                    case ACCOUNT -> RecommendationRequest.of(placement, List.of(),
                            customerIds[random.nextInt(customerIds.length)], K);
                };
                long started = System.nanoTime();
                List<Recommendation> answer = recommendations.recommend(request);
                long took = System.nanoTime() - started;
                sink += answer.size();
                if (r >= 0) {
                    nanos[r] = took;
                }
            }
            Arrays.sort(nanos);
            String prefix = "recommend.serve." + placement.name().toLowerCase(Locale.ROOT);
            result(prefix + ".p50.us", nanos[requests / 2] / 1e3, "us");
            result(prefix + ".p99.us", nanos[(int) (requests * 0.99)] / 1e3, "us");
            result(prefix + ".avg_items", (double) sink / (requests + warmup), "items");
        }
        // the index alone (no catalogue, no history lookup): one anchor, top 40 candidates
        Scorer scorer = new Scorer();
        Random random = new Random(seed);
        long[] nanos = new long[requests];
        int[] anchor = new int[1];
        float[] weight = {1f};
        for (int r = -requests / 4; r < requests; r++) {
            anchor[0] = index.itemNo(anchors[random.nextInt(anchors.length)]);
            long started = System.nanoTime();
            scorer.score(index, anchor, weight, 1, 1f, 0.5f, true, 40);
            long took = System.nanoTime() - started;
            if (r >= 0) {
                nanos[r] = took;
            }
        }
        Arrays.sort(nanos);
        result("recommend.serve.index_only.p50.us", nanos[requests / 2] / 1e3, "us");
        result("recommend.serve.index_only.p99.us", nanos[(int) (requests * 0.99)] / 1e3, "us");
    }

    private static void heap(int products, long seed) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("reco-index", ".bin");
        try {
            writeHeapIndex(products, seed, file);
            long before = usedHeap();
            RecommendationIndex loaded = RecommendationIndex.fromBytes(java.nio.file.Files.readAllBytes(file));
            long after = usedHeap();
            result("recommend.heap.index.retained_mb", (after - before) / 1048576.0, "MB");
            if (loaded.itemCount() != products) {
                System.out.println("note: index holds " + loaded.itemCount() + " products");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /**
     * Trains a dense index and writes it to a file, leaving nothing of it on the heap. Data: categories of 100
     * products; each of {@code products} customers buys 30 products of one category uniformly in 6 orders of 5,
     * so every product co-occurs with its whole category and both rows fill up to 50.
     */
    private static void writeHeapIndex(int products, long seed, java.nio.file.Path file) throws Exception {
        Random random = new Random(seed + 1);
        Interactions data = new Interactions();
        Instant at = RecommendData.START;
        String[] ids = new String[products];
        for (int p = 0; p < products; p++) {
            ids[p] = "p" + p;
        }
        int categories = products / 100;
        for (int c = 0; c < products; c++) {
            int category = c % categories;
            String customer = TrainingData.customerKey("c" + c);
            for (int o = 0; o < 6; o++) {
                String order = "o" + c + "-" + o;
                for (int k = 0; k < 5; k++) {
                    int p = category * 100 + random.nextInt(100);
                    data.addPurchase(customer, order, ids[p], "cat-" + category, at.plusSeconds(c));
                }
            }
        }
        TrainingSettings dense = new TrainingSettings(Similarity.LOG_LIKELIHOOD, 50, 1, 0.0, 0.0,
                Duration.ofDays(30), 500, 200);
        RecommendationIndex index = new IndexTrainer(dense).train(data, at.plus(Duration.ofDays(1)));
        result("recommend.heap.index.items", index.itemCount(), "products");
        result("recommend.heap.index.similar_avg", avgSimilar(index), "neighbours");
        result("recommend.heap.index.together_avg", avgTogether(index), "neighbours");
        result("recommend.heap.index.array_mb", index.arrayBytes() / 1048576.0, "MB");
        byte[] bytes = index.toBytes();
        result("recommend.heap.index.persisted_mb", bytes.length / 1048576.0, "MB");
        java.nio.file.Files.write(file, bytes);
    }

    private static double avgSimilar(RecommendationIndex index) {
        long n = 0;
        for (int i = 0; i < index.itemCount(); i++) {
            n += index.similarCount(i);
        }
        return (double) n / index.itemCount();
    }

    private static double avgTogether(RecommendationIndex index) {
        long n = 0;
        for (int i = 0; i < index.itemCount(); i++) {
            n += index.togetherCount(i);
        }
        return (double) n / index.itemCount();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static TrainingSettings settings(Similarity similarity, int neighbours) {
        return new TrainingSettings(similarity, neighbours, 2, 0.01, 1.0, Duration.ofDays(30), 500, 200);
    }

    private static Interactions interactions(List<Line> lines) {
        Interactions data = new Interactions();
        for (Line line : lines) {
            data.addPurchase(TrainingData.customerKey(line.customerId()), line.orderId(), line.productId(),
                    line.category(), line.at());
        }
        return data;
    }

    /** Each customer's purchases before {@code until}, most recent first. */
    private static Map<String, List<Purchase>> histories(List<Line> lines, Instant until) {
        Map<String, Map<String, Instant>> last = new HashMap<>();
        for (Line line : lines) {
            if (line.at().isBefore(until)) {
                last.computeIfAbsent(line.customerId(), c -> new HashMap<>()).merge(line.productId(), line.at(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, List<Purchase>> histories = new HashMap<>(last.size() * 2);
        last.forEach((customer, products) -> {
            List<Purchase> h = new ArrayList<>(products.size());
            products.forEach((p, at) -> h.add(new Purchase(p, at)));
            h.sort((a, b) -> b.lastBought().compareTo(a.lastBought()));
            histories.put(customer, h);
        });
        return histories;
    }

    private static long id(String key) {
        return Long.parseLong(key.substring(1));
    }

    private static String name(Similarity similarity) {
        return similarity == Similarity.COSINE ? "cosine" : "llr";
    }

    private static long ms(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void result(String name, double value, String unit) {
        Results.print(name, value, unit);
    }
}
