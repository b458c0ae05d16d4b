package dev.retention.bench;

import dev.retention.host.CouponOffer;
import dev.retention.host.DiscountGrant;
import dev.retention.host.DiscountPort;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.Redemptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Redemption at checkout under concurrency: {@code threads} shoppers (default 32) each reserve points for a new
 * checkout (account row lock, lots consumed, reservation row, timeout timer, grant through an in-memory
 * DiscountPort), then remove it again (release), {@code rounds} times. Prints p50/p99 of both calls and the
 * throughput. Arguments: {@code loyalty [jdbcUrl] [user] [threads] [rounds]}; default PostgreSQL rk_loyalty.
 */
public final class LoyaltyBench {

    private LoyaltyBench() {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BenchHost {
        @Bean
        DiscountPort benchDiscountPort() {
            return new DiscountPort() {
                @Override
                public void grant(DiscountGrant grant) {
                }

                @Override
                public void revoke(String checkoutId, String grantId) {
                }

                @Override
                public String issueCoupon(String customerId, CouponOffer offer, Instant validUntil) {
                    return "BENCH";
                }
            };
        }
    }

    public static void run(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/rk_loyalty";
        String user = args.length > 1 ? args[1] : "postgres";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchHost.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + url, "spring.datasource.username=" + user,
                        "spring.datasource.hikari.maximum-pool-size=" + (threads + 8),
                        "retention.inbox.worker=false", "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run()) {
            Loyalty loyalty = context.getBean(Loyalty.class);
            Redemptions redemptions = context.getBean(Redemptions.class);
            String run = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            for (int t = 0; t < threads; t++) {
                loyalty.adjust(run + t, 1_000_000, "benchmark balance", "bench");
            }
            measure(redemptions, run + "warm-", run, threads, Math.max(10, rounds / 10));
            long start = System.nanoTime();
            long[][] samples = measure(redemptions, run, run, threads, rounds);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] reserve = samples[0];
            long[] release = samples[1];
            System.out.printf("RESULT name=loyalty.redemption.reserve.p50 value=%.3f unit=ms%n", pct(reserve, 50));
            System.out.printf("RESULT name=loyalty.redemption.reserve.p99 value=%.3f unit=ms%n", pct(reserve, 99));
            System.out.printf("RESULT name=loyalty.redemption.release.p50 value=%.3f unit=ms%n", pct(release, 50));
            System.out.printf("RESULT name=loyalty.redemption.release.p99 value=%.3f unit=ms%n", pct(release, 99));
            System.out.printf("RESULT name=loyalty.redemption.throughput value=%.1f unit=reservations/s%n",
                    reserve.length / seconds);
            System.out.printf("RESULT name=loyalty.redemption.concurrency value=%d unit=checkouts%n", threads);
            System.out.printf("RESULT name=loyalty.redemption.drift value=%d unit=accounts%n",
                    loyalty.verify(run).drifting().size());
        }
    }

    /** Each thread owns one shopper and runs {@code rounds} reserve+release pairs on fresh checkout ids. */
    static long[][] measure(Redemptions redemptions, String checkoutPrefix, String accountPrefix, int threads,
            int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[][]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String customer = accountPrefix + t;
            String checkouts = checkoutPrefix + "t" + t + "-";
            futures.add(pool.submit(() -> {
                long[][] own = new long[2][rounds];
                start.await();
                for (int i = 0; i < rounds; i++) {
                    String checkout = checkouts + i;
                    long t0 = System.nanoTime();
                    redemptions.reserve(customer, new Redemptions.Request(checkout, null, 500L,
                            new BigDecimal("80.00")));
                    long t1 = System.nanoTime();
                    redemptions.cancel(customer, checkout);
                    long t2 = System.nanoTime();
                    own[0][i] = t1 - t0;
                    own[1][i] = t2 - t1;
                }
                return own;
            }));
        }
        start.countDown();
        long[] reserve = new long[0];
        long[] release = new long[0];
        for (Future<long[][]> future : futures) {
            long[][] own = future.get();
            reserve = concat(reserve, own[0]);
            release = concat(release, own[1]);
        }
        pool.shutdown();
        return new long[][] {reserve, release};
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
