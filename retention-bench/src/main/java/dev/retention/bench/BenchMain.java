package dev.retention.bench;

/** Entry point of the benchmark harness. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.out.println("usage: java -jar retention-bench.jar <benchmark>");
    }
}
