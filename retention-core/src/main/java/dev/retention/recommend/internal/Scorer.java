package dev.retention.recommend.internal;

/**
 * Scores candidates from an index for a set of weighted anchor items (the product on the page, the cart, or the
 * customer's history with recency weights): {@code score(j) = sum_a w_a * (simWeight * sim(a, j) + fbtWeight *
 * confidence(a, j))}. Scratch arrays (one dense accumulator per concurrent request, borrowed from a small pool
 * rather than held per thread, so 200 servlet threads do not each keep arrays of the catalogue's size) keep the
 * hot path free of allocation except the returned {@link Candidates}.
 */
public final class Scorer {

    private Scratch[] pool = new Scratch[4];
    private int pooled;

    /**
     * @param anchors        item numbers (entries below 0 are ignored)
     * @param weights        weight per anchor
     * @param count          how many entries of the arrays to use
     * @param excludeAnchors whether the anchors themselves may not be returned
     * @param max            most candidates returned
     */
    public Candidates score(RecommendationIndex index, int[] anchors, float[] weights, int count, float simWeight,
            float fbtWeight, boolean excludeAnchors, int max) {
        Scratch s = borrow(index);
        try {
            return score(index, s, anchors, weights, count, simWeight, fbtWeight, excludeAnchors, max);
        } finally {
            giveBack(s);
        }
    }

    private Candidates score(RecommendationIndex index, Scratch s, int[] anchors, float[] weights, int count,
            float simWeight, float fbtWeight, boolean excludeAnchors, int max) {
        int generation = ++s.generation;
        if (excludeAnchors) {
            for (int a = 0; a < count; a++) {
                if (anchors[a] >= 0) {
                    s.excluded[anchors[a]] = generation;
                }
            }
        }
        int touched = 0;
        for (int a = 0; a < count; a++) {
            int anchor = anchors[a];
            if (anchor < 0) {
                continue;
            }
            float w = weights[a];
            if (simWeight > 0f) {
                int n = index.similarCount(anchor);
                for (int r = 0; r < n; r++) {
                    touched = add(s, touched, generation, index.similarItem(anchor, r),
                            w * simWeight * index.similarScore(anchor, r), anchor, false);
                }
            }
            if (fbtWeight > 0f) {
                int n = index.togetherCount(anchor);
                for (int r = 0; r < n; r++) {
                    touched = add(s, touched, generation, index.togetherItem(anchor, r),
                            w * fbtWeight * index.togetherScore(anchor, r), anchor, true);
                }
            }
        }
        TopK top = s.top;
        top.reset(max);
        for (int t = 0; t < touched; t++) {
            int j = s.touched[t];
            top.offer(j, s.acc[j]);
            s.acc[j] = 0f;
        }
        Candidates result = new Candidates(top.size());
        result.size(top.drainInto(result.items, result.scores, 0));
        for (int r = 0; r < result.size(); r++) {
            int j = result.items[r];
            result.because[r] = s.bestAnchor[j];
            result.together[r] = s.bestTogether[j];
            s.best[j] = 0f;
        }
        for (int t = 0; t < touched; t++) {
            s.best[s.touched[t]] = 0f;
        }
        return result;
    }

    /** The most popular items, of one category (category number) or of all when {@code category < 0}. */
    public Candidates popular(RecommendationIndex index, int category, int max) {
        int from;
        int to;
        int[] source;
        if (category >= 0) {
            source = index.catItems;
            from = index.catOffsets[category];
            to = Math.min(index.catOffsets[category + 1], from + max);
        } else {
            source = index.topItems;
            from = 0;
            to = Math.min(source.length, max);
        }
        Candidates result = new Candidates(to - from);
        for (int p = from; p < to; p++) {
            int r = p - from;
            result.items[r] = source[p];
            result.scores[r] = index.popularity(source[p]);
            result.because[r] = -1;
        }
        result.size(to - from);
        return result;
    }

    private static int add(Scratch s, int touched, int generation, int j, float contribution, int anchor,
            boolean together) {
        if (s.excluded[j] == generation || !(contribution > 0f)) {
            return touched;
        }
        if (s.acc[j] == 0f) {
            s.touched[touched++] = j;
        }
        s.acc[j] += contribution;
        if (contribution > s.best[j]) {
            s.best[j] = contribution;
            s.bestAnchor[j] = anchor;
            s.bestTogether[j] = together;
        }
        return touched;
    }

    private Scratch borrow(RecommendationIndex index) {
        Scratch s = null;
        synchronized (this) {
            if (pooled > 0) {
                s = pool[--pooled];
                pool[pooled] = null;
            }
        }
        if (s == null || s.acc.length < index.itemCount()) {
            s = new Scratch(Math.max(16, index.itemCount()));
        }
        return s;
    }

    private void giveBack(Scratch s) {
        synchronized (this) {
            if (pooled == pool.length) {
                pool = java.util.Arrays.copyOf(pool, pooled * 2);
            }
            pool[pooled++] = s;
        }
    }

    private static final class Scratch {
        final float[] acc;
        final float[] best;
        final int[] bestAnchor;
        final boolean[] bestTogether;
        final int[] touched;
        final int[] excluded;
        final TopK top = new TopK(16);
        int generation;

        Scratch(int items) {
            acc = new float[items];
            best = new float[items];
            bestAnchor = new int[items];
            bestTogether = new boolean[items];
            touched = new int[items];
            excluded = new int[items];
        }
    }
}
