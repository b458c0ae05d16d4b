package dev.retention.recommend.internal;

/**
 * The scored candidates of one request, best first: item numbers, scores, the anchor item that contributed most
 * (-1 for popularity) and whether that contribution came from bought-together rather than similarity.
 */
public final class Candidates {

    public final int[] items;
    public final float[] scores;
    public final int[] because;
    public final boolean[] together;
    private int size;

    Candidates(int capacity) {
        items = new int[capacity];
        scores = new float[capacity];
        because = new int[capacity];
        together = new boolean[capacity];
    }

    public int size() {
        return size;
    }

    void size(int size) {
        this.size = size;
    }
}
