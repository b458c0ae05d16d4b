package dev.retention.recommend.internal;

/**
 * Keeps the K best (item, score) pairs in a min-heap of primitive arrays, reusable without allocation. Ties go
 * to the lower item number so results are deterministic.
 */
final class TopK {

    private int[] items;
    private float[] scores;
    private int capacity;
    private int size;

    TopK(int capacity) {
        reset(capacity);
    }

    void reset(int newCapacity) {
        if (items == null || items.length < newCapacity) {
            items = new int[newCapacity];
            scores = new float[newCapacity];
        }
        capacity = newCapacity;
        size = 0;
    }

    int size() {
        return size;
    }

    void offer(int item, float score) {
        if (size < capacity) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
        } else if (capacity > 0 && better(item, score, items[0], scores[0])) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Empties the heap into the arrays from {@code at}, best first; returns how many were written. */
    int drainInto(int[] outItems, float[] outScores, int at) {
        int n = size;
        for (int k = n - 1; k >= 0; k--) {
            outItems[at + k] = items[0];
            outScores[at + k] = scores[0];
            size--;
            if (size > 0) {
                items[0] = items[size];
                scores[0] = scores[size];
                siftDown(0);
            }
        }
        return n;
    }

    private static boolean better(int itemA, float scoreA, int itemB, float scoreB) {
        return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
    }

    private void siftUp(int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!better(items[parent], scores[parent], items[k], scores[k])) {
                break;
            }
            swap(k, parent);
            k = parent;
        }
    }

    private void siftDown(int k) {
        while (true) {
            int left = 2 * k + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(items[worst], scores[worst], items[right], scores[right])) {
                worst = right;
            }
            if (!better(items[k], scores[k], items[worst], scores[worst])) {
                return;
            }
            swap(k, worst);
            k = worst;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
