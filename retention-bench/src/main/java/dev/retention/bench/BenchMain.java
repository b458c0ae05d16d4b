package dev.retention.bench;

import java.util.Arrays;

/**
 * Entry point of the benchmark harness: {@code java -jar retention-bench/target/retention-bench.jar <benchmark>}.
 * Every figure is printed as one line {@code RESULT name=<dotted.name> value=<number> unit=<unit>}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String benchmark = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (benchmark) {
            case "ingest" -> IngestBench.run(rest);
            case "recommend" -> RecommendBench.run(rest);
            case "recommend-eval" -> RecommendEval.run(rest);
            case "analytics" -> AnalyticsBench.run(rest);
            case "engage" -> EngageBench.run(rest);
            case "loyalty" -> LoyaltyBench.run(rest);
            case "storefront" -> StorefrontBench.run(rest);
            default -> {
                System.out.println("usage: java -jar retention-bench.jar <benchmark> [options]");
                System.out.println("  ingest   event ingestion through the inbox on H2 and PostgreSQL, and PostgreSQL's"
                        + " single-row insert ceiling (--orders=100000 --postgres=jdbc:postgresql://127.0.0.1:5432/test)");
                System.out.println("  recommend       recommendations vs Apache Mahout 0.13 Taste (see docs/recommendations.md)");
                System.out.println("  recommend-eval  offline evaluation table (--jdbc=<url> or generated data)");
                System.out.println("  loyalty  redemption reserve/release latency under concurrent checkouts"
                        + " [jdbcUrl=jdbc:postgresql://127.0.0.1:5432/rk_loyalty] [user=postgres] [threads=32] [rounds=200]");
                System.out.println("  storefront      server time of rendering every widget fragment into a product page"
                        + " (--renders=20000), and the JS embed's gzipped size");
            }
        }
    }
}
