package dev.retention.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderRefunded;
import dev.retention.host.RetentionEvent;
import dev.retention.loyalty.internal.LoyaltyEngine;
import dev.retention.loyalty.internal.LoyaltyEventHandler;
import dev.retention.loyalty.internal.PointsExpiryJob;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A seeded randomized run of earn, redeem, cancel, partial refund, expiry and replayed events over 8 threads and
 * 60 accounts, handling events concurrently (as several inbox nodes would) against the shopper's checkout
 * redemptions, then checking every ledger invariant. The operation sequence per thread is fixed by the seed; the
 * interleaving is the database's. Override with -Dretention.sim.ops / -Dretention.sim.seed.
 */
@Tag("db")
@SpringBootTest(classes = {CoreTestApplication.class, LoyaltySimulationTest.Host.class},
        properties = "retention.inbox.worker=false")
class LoyaltySimulationTest {

    static final long SEED = Long.getLong("retention.sim.seed", 20_261_123L);
    static final int OPS = Integer.getInteger("retention.sim.ops", 10_000);
    static final int THREADS = 8;
    static final int ACCOUNTS = 60;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "loyalty-sim");
    }

    @TestConfiguration
    static class Host {
        @Bean
        RecordingDiscountPort discountPort() {
            return new RecordingDiscountPort();
        }
    }

    @Autowired
    LoyaltyEventHandler handler;
    @Autowired
    LoyaltyEngine engine;
    @Autowired
    Redemptions redemptions;
    @Autowired
    Loyalty loyalty;
    @Autowired
    PointsExpiryJob expiry;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    /** The test's own view of an order, to compute what the ledger must say independently. */
    static final class SimOrder {
        final String id;
        final String customer;
        final BigDecimal basis;
        final long redeemed;
        BigDecimal refunded = BigDecimal.ZERO;
        boolean cancelled;
        boolean completed;
        final List<String> refundsOnLiveOrder = new ArrayList<>();
        final List<String> refundsAfterCancel = new ArrayList<>();

        SimOrder(String id, String customer, BigDecimal amount, long redeemed) {
            this.id = id;
            this.customer = customer;
            this.redeemed = redeemed;
            this.basis = amount.subtract(BigDecimal.valueOf(redeemed).movePointLeft(2)).max(BigDecimal.ZERO);
        }
    }

    String prefix;
    Instant base;
    final AtomicLong businessMinutes = new AtomicLong();
    final List<SimOrder> orders = Collections.synchronizedList(new ArrayList<>());
    final List<RetentionEvent> handled = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    TransactionTemplate tx;

    @Test
    void concurrentRandomizedOperationsKeepEveryLedgerInvariant() throws Exception {
        prefix = TestDatabase.uniquePrefix() + "sim-";
        base = Instant.parse("2026-03-01T00:00:00Z");
        clock.set(base);
        tx = new TransactionTemplate(transactions);
        for (int a = 0; a < ACCOUNTS; a++) {
            handle(Events.registered(account(a), base));
        }

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> runThread(thread)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        long millis = (System.nanoTime() - start) / 1_000_000;

        List<String> violations = violations();
        String database = TestDatabase.isExternal() ? System.getProperty("retention.test.datasource.url") : "h2";
        System.out.printf("SIMULATION db=%s seed=%d ops=%d threads=%d accounts=%d durationMs=%d violations=%d %s%n",
                database, SEED, (OPS / THREADS) * THREADS, THREADS, ACCOUNTS, millis, violations.size(), new java.util.TreeMap<>(counts));
        assertThat(violations).isEmpty();
        assertThat(counts.get("earn").get() + counts.get("redeem").get() + counts.get("refund").get()
                + counts.get("cancel").get() + counts.get("expire").get() + counts.get("replay").get())
                .isGreaterThan(OPS * 3 / 4);
    }

    String account(int index) {
        return prefix + "a" + index;
    }

    Instant at() {
        return base.plus(Duration.ofMinutes(businessMinutes.addAndGet(60)));
    }

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    void runThread(int thread) {
        Random random = new Random(SEED + thread);
        for (int i = 0; i < OPS / THREADS; i++) {
            int dice = random.nextInt(100);
            String customer = account(random.nextInt(ACCOUNTS));
            String opId = prefix + "t" + thread + "-" + i;
            if (dice < 30) {
                placeOrder(customer, opId, random);
            } else if (dice < 42) {
                pick(random).ifPresent(this::confirm);
            } else if (dice < 57) {
                redeemAndDrop(customer, opId, random);
            } else if (dice < 65) {
                pick(random).ifPresent(this::cancel);
            } else if (dice < 82) {
                pick(random).ifPresent(order -> refund(order, opId, random));
            } else if (dice < 87) {
                retrying("expire", () -> expiry.expireDue(at()));
            } else {
                replay(random);
            }
        }
    }

    java.util.Optional<SimOrder> pick(Random random) {
        synchronized (orders) {
            return orders.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(orders.get(random.nextInt(orders.size())));
        }
    }

    void placeOrder(String customer, String orderId, Random random) {
        BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(29_500)).movePointLeft(2);
        long redeemed = 0;
        String checkout = orderId + "-k";
        if (random.nextInt(4) == 0) {
            long wanted = 100 + random.nextInt(900);
            Reservation reservation = retrying("reserve", () -> {
                try {
                    return redemptions.reserve(customer, new Redemptions.Request(checkout, null, wanted, amount));
                } catch (InsufficientPointsException e) {
                    count("refused");
                    return null;
                }
            });
            redeemed = reservation == null ? 0 : reservation.points();
        }
        SimOrder order = new SimOrder(orderId, customer, amount, redeemed);
        synchronized (order) {
            handle(LoyaltyFixtures.placed(customer, orderId, redeemed > 0 ? checkout : null, amount.toPlainString(),
                    redeemed, at()));
            count("earn");
            orders.add(order);
        }
    }

    void confirm(SimOrder order) {
        synchronized (order) {
            if (!order.completed) {
                handle(new OrderCompleted(order.id + "-completed", at(), order.customer, order.id));
                order.completed = true;
            }
            Instant when = at();
            retrying("confirm", () -> tx.execute(s -> {
                engine.confirm(order.id, when);
                return null;
            }));
        }
    }

    void cancel(SimOrder order) {
        synchronized (order) {
            handle(LoyaltyFixtures.cancelled(order.customer, order.id, at()));
            order.cancelled = true;
            count("cancel");
        }
    }

    void refund(SimOrder order, String refundId, Random random) {
        synchronized (order) {
            BigDecimal left = order.basis.subtract(order.refunded).max(BigDecimal.ZERO);
            BigDecimal amount = left.multiply(BigDecimal.valueOf(1 + random.nextInt(100)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
            handle(new OrderRefunded(refundId + "-refunded", at(), order.customer, order.id, refundId, List.of(),
                    amount, amount, "EUR", "sim"));
            if (order.cancelled) {
                order.refundsAfterCancel.add(refundId);
            } else {
                order.refunded = order.refunded.add(amount);
                order.refundsOnLiveOrder.add(refundId);
            }
            count("refund");
        }
    }

    void redeemAndDrop(String customer, String opId, Random random) {
        String checkout = opId + "-k";
        long wanted = 100 + random.nextInt(600);
        boolean twice = random.nextInt(3) == 0;
        boolean timeout = random.nextBoolean();
        Reservation reservation = retrying("redeem", () -> {
            Reservation first;
            try {
                first = redemptions.reserve(customer, new Redemptions.Request(checkout, null, wanted,
                        new BigDecimal("100")));
            } catch (InsufficientPointsException e) {
                count("refused");
                return null;
            }
            if (!twice) {
                return first;
            }
            try {
                return redemptions.reserve(customer, new Redemptions.Request(checkout, null, wanted / 2 + 100,
                        new BigDecimal("100")));
            } catch (InsufficientPointsException e) {
                // a refused replacement (e.g. debt from a concurrent clawback) leaves the first reservation held
                count("refused");
                return redemptions.find(customer, checkout).orElseThrow();
            }
        });
        if (reservation == null) {
            return;
        }
        if (timeout) {
            retrying("timeout", () -> {
                redemptions.timeout(checkout, reservation.generation());
                return null;
            });
        } else {
            retrying("release", () -> {
                redemptions.cancel(customer, checkout);
                return null;
            });
        }
    }

    void replay(Random random) {
        RetentionEvent event;
        synchronized (handled) {
            if (handled.isEmpty()) {
                return;
            }
            event = handled.get(random.nextInt(handled.size()));
        }
        retrying("replay", () -> tx.execute(s -> {
            handler.handle(event);
            return null;
        }));
    }

    void handle(RetentionEvent event) {
        retrying(null, () -> tx.execute(s -> {
            handler.handle(event);
            return null;
        }));
        handled.add(event);
    }

    /** Runs one operation, retrying what the inbox would retry (lock timeouts, deadlocks, key races). */
    <T> T retrying(String what, Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = operation.get();
                if (what != null) {
                    count(what);
                }
                return result;
            } catch (TransientDataAccessException | IllegalStateException e) {
                if (attempt >= 20) {
                    throw e;
                }
                count("retries");
            }
        }
    }

    List<String> violations() {
        List<String> violations = new ArrayList<>();
        DriftReport report = loyalty.verify(prefix);
        report.drifting().forEach(d -> violations.add("drift " + d));
        if (report.accounts() != ACCOUNTS) {
            violations.add("accounts " + report.accounts());
        }
        jdbc.sql("SELECT a.customer_id, a.balance, a.debt, COALESCE(SUM(l.remaining), 0) AS lots"
                        + " FROM rtn_loyalty_account a LEFT JOIN rtn_loyalty_lot l ON l.customer_id = a.customer_id"
                        + " WHERE a.customer_id LIKE ? GROUP BY a.customer_id, a.balance, a.debt")
                .param(prefix + "%")
                .query(rs -> {
                    long balance = rs.getLong("balance");
                    long debt = rs.getLong("debt");
                    long lots = rs.getLong("lots");
                    if (balance < 0 && (debt != -balance || lots != 0)) {
                        violations.add("negative balance without matching debt " + rs.getString("customer_id"));
                    }
                    if (debt > 0 && lots > 0) {
                        violations.add("debt left unpaid while points are open " + rs.getString("customer_id"));
                    }
                });
        jdbc.sql("SELECT idempotency_key FROM rtn_loyalty_entry WHERE customer_id LIKE ? GROUP BY idempotency_key"
                        + " HAVING COUNT(*) > 1")
                .param(prefix + "%").query(String.class).list().forEach(k -> violations.add("key twice " + k));

        Map<String, Long> keys = new HashMap<>();
        jdbc.sql("SELECT idempotency_key FROM rtn_loyalty_entry WHERE customer_id LIKE ?").param(prefix + "%")
                .query(String.class).list().forEach(k -> keys.merge(k, 1L, Long::sum));
        record Net(long earned, long net, long returned) {
        }
        Map<String, Net> perOrder = new HashMap<>();
        jdbc.sql("SELECT order_id, SUM(CASE WHEN entry_type = 'EARN_PENDING' THEN pending_points ELSE 0 END) AS earned,"
                        + " SUM(CASE WHEN entry_type IN ('EARN_PENDING', 'CONFIRMED', 'CLAWBACK', 'DEBT')"
                        + " THEN points + pending_points ELSE 0 END) AS net,"
                        + " SUM(CASE WHEN entry_type = 'REDEEM_RETURN' THEN points ELSE 0 END) AS returned"
                        + " FROM rtn_loyalty_entry WHERE customer_id LIKE ? AND order_id IS NOT NULL GROUP BY order_id")
                .param(prefix + "%")
                .query(rs -> {
                    perOrder.put(rs.getString("order_id"), new Net(rs.getLong("earned"), rs.getLong("net"),
                            rs.getLong("returned")));
                });
        synchronized (orders) {
            for (SimOrder order : orders) {
                for (String refund : order.refundsOnLiveOrder) {
                    if (keys.getOrDefault("refund:" + refund, 0L) != 1) {
                        violations.add("refund not clawed back exactly once " + refund);
                    }
                }
                for (String refund : order.refundsAfterCancel) {
                    if (keys.containsKey("refund:" + refund)) {
                        violations.add("refund after cancel clawed back " + refund);
                    }
                }
                Net net = perOrder.getOrDefault(order.id, new Net(0, 0, 0));
                BigDecimal share = order.cancelled || order.basis.signum() == 0
                        || order.refunded.compareTo(order.basis) >= 0 ? BigDecimal.ONE
                        : order.refunded.divide(order.basis, 12, RoundingMode.HALF_UP);
                long expectedClaw = order.cancelled ? net.earned()
                        : BigDecimal.valueOf(net.earned()).multiply(share).setScale(0, RoundingMode.HALF_UP).longValue();
                if (net.net() != net.earned() - expectedClaw) {
                    violations.add("order " + order.id + " keeps " + net.net() + " of " + net.earned()
                            + ", expected " + (net.earned() - expectedClaw));
                }
                long expectedReturn = order.cancelled ? order.redeemed : BigDecimal.valueOf(order.redeemed)
                        .multiply(share).setScale(0, RoundingMode.HALF_UP).longValue();
                if (net.returned() != expectedReturn) {
                    violations.add("order " + order.id + " returned " + net.returned() + " redeemed points, expected "
                            + expectedReturn);
                }
            }
        }
        long open = jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_reservation WHERE customer_id LIKE ?"
                + " AND status = 'RESERVED'").param(prefix + "%").query(Long.class).single();
        if (open > 0) {
            violations.add(open + " reservations neither committed nor released");
        }
        for (String key : keys.keySet()) {
            if (key.startsWith("reserve:")) {
                String rest = key.substring("reserve:".length());
                long outcomes = keys.getOrDefault("commit:" + rest, 0L) + keys.getOrDefault("release:" + rest, 0L);
                if (outcomes != 1) {
                    violations.add("reservation " + rest + " has " + outcomes + " outcomes");
                }
            }
        }
        return violations;
    }
}
