package dev.retention.recommend.internal;

import dev.retention.recommend.Similarity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds a {@link RecommendationIndex} from {@link Interactions}.
 *
 * <p>Customer vectors: each customer (or guest session) has one weight per product, the strongest signal seen
 * (purchase 1, cart add and view lower). Item-item similarity compares two products' customer vectors:
 * <ul>
 * <li>cosine: {@code sum_u(w_ui * w_uj) / (sqrt(sum_u w_ui^2) * sqrt(sum_u w_uj^2))};</li>
 * <li>log-likelihood: the 2x2 table {@code k11 = sum_u(w_ui * w_uj)}, {@code k12 = sum_u w_ui - k11},
 * {@code k21 = sum_u w_uj - k11}, {@code k22 = customers - k11 - k12 - k21}, Dunning's
 * {@code llr = 2 * (H(rows) + H(cols) - H(matrix))} with {@code H} the unnormalised entropy, kept only when
 * {@code k11 * customers > sum_u w_ui * sum_u w_uj} (more than chance) and squashed to {@code 1 - 1 / (1 + llr)}.
 * With purchase-only data this is exactly Mahout's LogLikelihoodSimilarity.</li>
 * </ul>
 * Frequently bought together uses orders only: {@code support(a, b)} orders contain both,
 * {@code confidence = support / orders(a)}, {@code lift = confidence * orders / orders(b)}; pairs below the
 * support, confidence or lift thresholds are dropped and the rest ranked by confidence.
 *
 * <p>Trending popularity sums the item's sales, each weighted {@code 2^(-age / halfLife)} with the age measured
 * at the training time.
 *
 * <p>Rows are computed in parallel with per-thread scratch arrays; the incremental {@link #update} recomputes
 * only the rows of the items it is given and copies the others from the previous index.
 */
public final class IndexTrainer {

    private static final int TOP_ITEMS = 500;

    private final TrainingSettings settings;

    public IndexTrainer(TrainingSettings settings) {
        this.settings = settings;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** A full training run. */
    public RecommendationIndex train(Interactions data, Instant asOf) {
        return build(data, asOf, null, null);
    }

    /**
     * Folds new data in: the rows of {@code changedItems} (and of items the previous index did not know) are
     * recomputed over all the data, the other rows are kept; popularity is recomputed for all items.
     */
    public RecommendationIndex update(RecommendationIndex previous, Interactions data, Instant asOf,
            boolean[] changedItems) {
        return build(data, asOf, previous, changedItems);
    }

    private RecommendationIndex build(Interactions data, Instant asOf, RecommendationIndex previous,
            boolean[] changed) {
        int items = data.itemCount();
        Sparse users = customerRows(data, items);
        Sparse usersOfItem = users.transpose(items);
        Sparse orders = orderRows(data, items);
        Sparse ordersOfItem = orders.transpose(items);
        int customers = users.rows();

        float[] norm = new float[items];
        float[] weightSum = new float[items];
        for (int i = 0; i < items; i++) {
            double squares = 0;
            double sum = 0;
            for (int p = usersOfItem.offsets[i]; p < usersOfItem.offsets[i + 1]; p++) {
                float w = usersOfItem.values[p];
                squares += w * w;
                sum += w;
            }
            norm[i] = (float) Math.sqrt(squares);
            weightSum[i] = (float) sum;
        }

        int k = settings.neighbours();
        int[] simItems = new int[items * k];
        float[] simScores = new float[items * k];
        int[] simLength = new int[items];
        int[] fbtItems = new int[items * k];
        float[] fbtScores = new float[items * k];
        int[] fbtLength = new int[items];
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(items, k));
        IntStream.range(0, items).parallel().forEach(i -> {
            boolean recompute = previous == null || changed == null || i >= previous.itemCount()
                    || (i < changed.length && changed[i]);
            if (recompute) {
                Scratch s = scratch.get();
                simLength[i] = similarRow(i, users, usersOfItem, norm, weightSum, customers, s, simItems,
                        simScores);
                fbtLength[i] = togetherRow(i, orders, ordersOfItem, orders.rows(), s, fbtItems, fbtScores);
            } else {
                simLength[i] = copyRow(previous.simOffsets, previous.simItems, previous.simScores, i, k, simItems,
                        simScores);
                fbtLength[i] = copyRow(previous.fbtOffsets, previous.fbtItems, previous.fbtScores, i, k, fbtItems,
                        fbtScores);
            }
        });

        int[] simOffsets = new int[items + 1];
        int[] fbtOffsets = new int[items + 1];
        int[] simPacked = pack(simItems, simLength, k, simOffsets);
        float[] simScorePacked = pack(simScores, simLength, k);
        int[] fbtPacked = pack(fbtItems, fbtLength, k, fbtOffsets);
        float[] fbtScorePacked = pack(fbtScores, fbtLength, k);

        float[] popularity = popularity(data, items, asOf);
        Map<String, Integer> categoryNumbers = new HashMap<>();
        List<String> categoryNames = new ArrayList<>();
        int[] itemCategory = new int[items];
        String[] itemIds = new String[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = data.itemId(i);
            String category = data.category(i);
            if (category == null) {
                itemCategory[i] = -1;
            } else {
                itemCategory[i] = categoryNumbers.computeIfAbsent(category, c -> {
                    categoryNames.add(c);
                    return categoryNames.size() - 1;
                });
            }
        }
        Integer[] byPopularity = new Integer[items];
        for (int i = 0; i < items; i++) {
            byPopularity[i] = i;
        }
        Arrays.sort(byPopularity, (a, b) -> {
            int c = Float.compare(popularity[b], popularity[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int categories = categoryNames.size();
        int[] perCategory = new int[categories];
        int[] catOffsets = new int[categories + 1];
        int sold = 0;
        for (int i : byPopularity) {
            if (popularity[i] > 0) {
                sold++;
                int c = itemCategory[i];
                if (c >= 0 && perCategory[c] < settings.popularPerCategory()) {
                    perCategory[c]++;
                }
            }
        }
        for (int c = 0; c < categories; c++) {
            catOffsets[c + 1] = catOffsets[c] + perCategory[c];
        }
        int[] catItems = new int[catOffsets[categories]];
        int[] filled = new int[categories];
        int[] topItems = new int[Math.min(sold, TOP_ITEMS)];
        int top = 0;
        for (int i : byPopularity) {
            if (popularity[i] <= 0) {
                break;
            }
            if (top < topItems.length) {
                topItems[top++] = i;
            }
            int c = itemCategory[i];
            if (c >= 0 && filled[c] < perCategory[c]) {
                catItems[catOffsets[c] + filled[c]++] = i;
            }
        }
        return new RecommendationIndex(itemIds, categoryNames.toArray(String[]::new), itemCategory, popularity,
                simOffsets, simPacked, simScorePacked, fbtOffsets, fbtPacked, fbtScorePacked, catOffsets, catItems,
                topItems, settings.similarity(), asOf, data.orderCount());
    }

    private int similarRow(int i, Sparse users, Sparse usersOfItem, float[] norm, float[] weightSum,
            int customers, Scratch s, int[] outItems, float[] outScores) {
        int touched = 0;
        float[] acc = s.acc;
        for (int p = usersOfItem.offsets[i]; p < usersOfItem.offsets[i + 1]; p++) {
            int u = usersOfItem.columns[p];
            float wi = usersOfItem.values[p];
            for (int q = users.offsets[u]; q < users.offsets[u + 1]; q++) {
                int j = users.columns[q];
                if (j == i) {
                    continue;
                }
                if (acc[j] == 0f) {
                    s.touched[touched++] = j;
                }
                acc[j] += wi * users.values[q];
            }
        }
        TopK top = s.top;
        top.reset(settings.neighbours());
        for (int t = 0; t < touched; t++) {
            int j = s.touched[t];
            float score = settings.similarity() == Similarity.COSINE
                    ? acc[j] / (norm[i] * norm[j])
                    : logLikelihoodSimilarity(acc[j], weightSum[i], weightSum[j], customers);
            acc[j] = 0f;
            if (score > 0f) {
                top.offer(j, score);
            }
        }
        return top.drainInto(outItems, outScores, i * settings.neighbours());
    }

    private int togetherRow(int a, Sparse orders, Sparse ordersOfItem, int orderCount, Scratch s, int[] outItems,
            float[] outScores) {
        float[] acc = s.acc;
        int touched = 0;
        int ordersOfA = ordersOfItem.offsets[a + 1] - ordersOfItem.offsets[a];
        for (int p = ordersOfItem.offsets[a]; p < ordersOfItem.offsets[a + 1]; p++) {
            int o = ordersOfItem.columns[p];
            for (int q = orders.offsets[o]; q < orders.offsets[o + 1]; q++) {
                int b = orders.columns[q];
                if (b == a) {
                    continue;
                }
                if (acc[b] == 0f) {
                    s.touched[touched++] = b;
                }
                acc[b] += 1f;
            }
        }
        TopK top = s.top;
        top.reset(settings.neighbours());
        for (int t = 0; t < touched; t++) {
            int b = s.touched[t];
            float support = acc[b];
            acc[b] = 0f;
            float confidence = support / ordersOfA;
            int ordersOfB = ordersOfItem.offsets[b + 1] - ordersOfItem.offsets[b];
            double lift = (double) confidence * orderCount / ordersOfB;
            if (support >= settings.minSupport() && confidence >= settings.minConfidence()
                    && lift >= settings.minLift()) {
                top.offer(b, confidence);
            }
        }
        return top.drainInto(outItems, outScores, a * settings.neighbours());
    }

    /** Mahout-compatible LLR similarity on (possibly weighted) counts; 0 for associations at or below chance. */
    static float logLikelihoodSimilarity(double k11, double sumI, double sumJ, double n) {
        if (k11 * n <= sumI * sumJ) {
            return 0f;
        }
        double k12 = Math.max(0, sumI - k11);
        double k21 = Math.max(0, sumJ - k11);
        double k22 = Math.max(0, n - k11 - k12 - k21);
        double llr = logLikelihoodRatio(k11, k12, k21, k22);
        return (float) (1.0 - 1.0 / (1.0 + llr));
    }

    static double logLikelihoodRatio(double k11, double k12, double k21, double k22) {
        double rowEntropy = entropy(k11 + k12, k21 + k22);
        double columnEntropy = entropy(k11 + k21, k12 + k22);
        double matrixEntropy = xLogX(k11 + k12 + k21 + k22) - xLogX(k11) - xLogX(k12) - xLogX(k21) - xLogX(k22);
        if (rowEntropy + columnEntropy < matrixEntropy) {
            return 0.0;
        }
        return 2.0 * (rowEntropy + columnEntropy - matrixEntropy);
    }

    private static double entropy(double a, double b) {
        return xLogX(a + b) - xLogX(a) - xLogX(b);
    }

    private static double xLogX(double x) {
        return x <= 0 ? 0.0 : x * Math.log(x);
    }

    private float[] popularity(Interactions data, int items, Instant asOf) {
        float[] popularity = new float[items];
        long now = asOf.getEpochSecond();
        double halfLife = settings.trendingHalfLife().getSeconds();
        for (int e = 0; e < data.size(); e++) {
            if (data.order(e) >= 0) {
                double age = Math.max(0, now - data.epochSecond(e));
                popularity[data.item(e)] += (float) Math.pow(2, -age / halfLife);
            }
        }
        return popularity;
    }

    private static int copyRow(int[] offsets, int[] rowItems, float[] rowScores, int i, int k, int[] outItems,
            float[] outScores) {
        int length = Math.min(k, offsets[i + 1] - offsets[i]);
        System.arraycopy(rowItems, offsets[i], outItems, i * k, length);
        System.arraycopy(rowScores, offsets[i], outScores, i * k, length);
        return length;
    }

    private static int[] pack(int[] wide, int[] length, int k, int[] offsets) {
        for (int i = 0; i < length.length; i++) {
            offsets[i + 1] = offsets[i] + length[i];
        }
        int[] packed = new int[offsets[length.length]];
        for (int i = 0; i < length.length; i++) {
            System.arraycopy(wide, i * k, packed, offsets[i], length[i]);
        }
        return packed;
    }

    private static float[] pack(float[] wide, int[] length, int k) {
        int total = 0;
        for (int l : length) {
            total += l;
        }
        float[] packed = new float[total];
        int at = 0;
        for (int i = 0; i < length.length; i++) {
            System.arraycopy(wide, i * k, packed, at, length[i]);
            at += length[i];
        }
        return packed;
    }

    /** One customer per row: distinct items, strongest weight; the most recent items when over the cap. */
    private Sparse customerRows(Interactions data, int items) {
        int rows = data.userCount();
        int[] count = new int[rows + 1];
        for (int e = 0; e < data.size(); e++) {
            count[data.user(e) + 1]++;
        }
        return Sparse.grouped(data, rows, items, count, false, settings.maxItemsPerCustomer());
    }

    private static Sparse orderRows(Interactions data, int items) {
        int rows = data.orderCount();
        int[] count = new int[rows + 1];
        for (int e = 0; e < data.size(); e++) {
            if (data.order(e) >= 0) {
                count[data.order(e) + 1]++;
            }
        }
        return Sparse.grouped(data, rows, items, count, true, Integer.MAX_VALUE);
    }

    /** Per-thread scratch: a dense accumulator (kept all-zero between rows) and the list of touched items. */
    private static final class Scratch {
        final float[] acc;
        final int[] touched;
        final TopK top;

        Scratch(int items, int k) {
            acc = new float[items];
            touched = new int[items];
            top = new TopK(k);
        }
    }

    /** A compressed sparse row matrix. */
    static final class Sparse {
        final int[] offsets;
        final int[] columns;
        final float[] values;

        Sparse(int[] offsets, int[] columns, float[] values) {
            this.offsets = offsets;
            this.columns = columns;
            this.values = values;
        }

        int rows() {
            return offsets.length - 1;
        }

        /**
         * Groups the log's entries by user (or by order), merging repeated items (max weight, latest time) and
         * keeping the {@code cap} most recent distinct items of a row.
         */
        static Sparse grouped(Interactions data, int rows, int items, int[] count, boolean byOrder, int cap) {
            int[] start = new int[rows + 1];
            for (int r = 0; r < rows; r++) {
                start[r + 1] = start[r] + count[r + 1];
            }
            int[] fill = Arrays.copyOf(start, rows);
            int[] rawItem = new int[start[rows]];
            float[] rawWeight = new float[start[rows]];
            long[] rawTime = new long[start[rows]];
            for (int e = 0; e < data.size(); e++) {
                int r = byOrder ? data.order(e) : data.user(e);
                if (r < 0) {
                    continue;
                }
                int at = fill[r]++;
                rawItem[at] = data.item(e);
                rawWeight[at] = data.weight(e);
                rawTime[at] = data.epochSecond(e);
            }
            int[] position = new int[items];
            Arrays.fill(position, -1);
            int[] offsets = new int[rows + 1];
            int[] columns = new int[start[rows]];
            float[] values = new float[start[rows]];
            long[] times = new long[start[rows]];
            int out = 0;
            for (int r = 0; r < rows; r++) {
                int rowStart = out;
                for (int p = start[r]; p < start[r + 1]; p++) {
                    int item = rawItem[p];
                    int at = position[item];
                    if (at < 0) {
                        position[item] = out;
                        columns[out] = item;
                        values[out] = rawWeight[p];
                        times[out] = rawTime[p];
                        out++;
                    } else {
                        values[at] = Math.max(values[at], rawWeight[p]);
                        times[at] = Math.max(times[at], rawTime[p]);
                    }
                }
                for (int p = rowStart; p < out; p++) {
                    position[columns[p]] = -1;
                }
                if (out - rowStart > cap) {
                    out = rowStart + keepLatest(columns, values, times, rowStart, out, cap);
                }
                offsets[r + 1] = out;
            }
            return new Sparse(offsets, Arrays.copyOf(columns, out), Arrays.copyOf(values, out));
        }

        private static int keepLatest(int[] columns, float[] values, long[] times, int from, int to, int cap) {
            Integer[] order = new Integer[to - from];
            for (int p = 0; p < order.length; p++) {
                order[p] = from + p;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[b], times[a]));
            int[] keptColumns = new int[cap];
            float[] keptValues = new float[cap];
            long[] keptTimes = new long[cap];
            for (int p = 0; p < cap; p++) {
                keptColumns[p] = columns[order[p]];
                keptValues[p] = values[order[p]];
                keptTimes[p] = times[order[p]];
            }
            System.arraycopy(keptColumns, 0, columns, from, cap);
            System.arraycopy(keptValues, 0, values, from, cap);
            System.arraycopy(keptTimes, 0, times, from, cap);
            return cap;
        }

        Sparse transpose(int columnCount) {
            int[] counts = new int[columnCount + 1];
            for (int p = 0; p < offsets[rows()]; p++) {
                counts[columns[p] + 1]++;
            }
            for (int c = 0; c < columnCount; c++) {
                counts[c + 1] += counts[c];
            }
            int[] fill = Arrays.copyOf(counts, columnCount);
            int[] rowsOf = new int[offsets[rows()]];
            float[] valuesOf = new float[offsets[rows()]];
            for (int r = 0; r < rows(); r++) {
                for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                    int at = fill[columns[p]]++;
                    rowsOf[at] = r;
                    valuesOf[at] = values[p];
                }
            }
            return new Sparse(counts, rowsOf, valuesOf);
        }
    }
}
