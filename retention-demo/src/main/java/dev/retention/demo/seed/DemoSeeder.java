package dev.retention.demo.seed;

import dev.retention.demo.catalog.Catalog;
import dev.retention.demo.catalog.CatalogData;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.customer.Customers;
import dev.retention.demo.web.ShopEvents;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty shop at start-up: the catalogue always, and with {@code demo.seed.enabled} two years of generated
 * history, written to the shop's tables and replayed through {@link RetentionEvents} in business-time order, so
 * Retention Kit's tables fill exactly as they would have from live traffic.
 */
@Component
@Order(0)
@EnableConfigurationProperties(SeedProperties.class)
public class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final SeedProperties properties;
    private final Catalog catalog;
    private final Customers customers;
    private final SeedWriter writer;
    private final RetentionEvents events;
    private final Inbox inbox;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String adminPassword;
    private final boolean workerRunning;
    private ObjectProvider<RetentionJobs> jobs;

    /** The jobs that turn the replayed history into an index and scores; run once after seeding. */
    private static final List<String> AFTER_SEED_JOBS = List.of("recommend-train", "analytics.rfm",
            "analytics.predictions");

    @Autowired
    void setJobs(ObjectProvider<RetentionJobs> jobs) {
        this.jobs = jobs;
    }
    private volatile Instant anchor;

    public DemoSeeder(SeedProperties properties, Catalog catalog, Customers customers, SeedWriter writer,
            RetentionEvents events, Inbox inbox, TransactionTemplate tx, JdbcTemplate jdbc, PasswordEncoder passwords,
            Clock clock, @Value("${demo.admin.password:}") String adminPassword,
            @Value("${retention.inbox.worker:true}") boolean workerRunning) {
        this.properties = properties;
        this.catalog = catalog;
        this.customers = customers;
        this.writer = writer;
        this.events = events;
        this.inbox = inbox;
        this.tx = tx;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.adminPassword = adminPassword;
        this.workerRunning = workerRunning;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        boolean emptyCatalog = catalog.count() == 0;
        boolean seed = properties.enabled() && customers.count() == 0;
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (seed) {
            anchor = now;
            SeedHistory history = generate(now);
            tx.executeWithoutResult(status -> {
                if (emptyCatalog) {
                    writer.writeCatalog(history.categories(), history.products());
                }
                writer.writeHistory(history);
            });
            long written = System.nanoTime();
            replay(history.events());
            runJobsOnTheSeededHistory();
            log.info("demo.seed customers={} orders={} events={} generateAndWriteMs={} replayMs={}",
                    history.customers().size(), history.orders().size(), history.events().size(),
                    (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        } else if (emptyCatalog) {
            Instant catalogueStart = now.minus(HistoryGenerator.DAYS, ChronoUnit.DAYS);
            List<Product> products = CatalogData.products(catalogueStart, now);
            List<RetentionEvent> published = new ArrayList<>();
            tx.executeWithoutResult(status -> {
                writer.writeCatalog(CatalogData.categories(), products);
                for (Product p : products) {
                    published.add(ShopEvents.published(p));
                }
                events.publishAll(published);
            });
        }
        report(seed, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Recommendations, RFM and CLV are computed by periodic jobs; without this a newcomer would see empty carousels
     * and reports until the first scheduled run.
     */
    private void runJobsOnTheSeededHistory() {
        RetentionJobs retentionJobs = jobs == null ? null : jobs.getIfAvailable();
        if (retentionJobs == null) {
            return;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        retentionJobs.statuses().forEach(status -> known.add(status.name()));
        for (String job : AFTER_SEED_JOBS) {
            if (known.contains(job)) {
                retentionJobs.runBlocking(job);
            }
        }
    }

    /** The history this shop was seeded with at {@code anchor} (same seed and size). */
    public SeedHistory generate(Instant anchor) {
        return new HistoryGenerator(properties.seed(), properties.customers(), anchor, passwords.encode("demo"))
                .generate();
    }

    /** When the seeded history ends (null when this start did not seed). */
    public Instant anchor() {
        return anchor;
    }

    /**
     * Publishes events in time-ordered batches (one transaction each). With the background worker on, it processes
     * one batch while the next is being stored; the inbox never holds much more than two batches, so picking the
     * next due events stays cheap. Without a worker the batches are processed here.
     */
    public void replay(List<RetentionEvent> history) {
        int batch = Math.max(1, properties.publishBatch());
        for (int from = 0; from < history.size(); from += batch) {
            List<RetentionEvent> slice = history.subList(from, Math.min(history.size(), from + batch));
            tx.executeWithoutResult(status -> events.publishAll(slice));
            awaitPending(batch);
        }
        awaitPending(0);
    }

    private void awaitPending(long atMost) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!workerRunning && inbox.drain() > 0) {
                continue;
            }
            long pending = inbox.stats().pending();
            if (pending <= atMost) {
                return;
            }
            if (workerRunning) {
                sleep(150);
            } else if (inbox.drain() == 0) {
                // Only events waiting for a later retry are left; they are the worker's business.
                log.warn("demo.seed.drain.incomplete pending={}", pending);
                return;
            }
        }
        log.warn("demo.seed.drain.incomplete pending={}", inbox.stats().pending());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(boolean seeded, Duration took) {
        Map<String, Long> shop = TableCounts.count(jdbc, "shop_");
        Map<String, Long> retention = TableCounts.count(jdbc, "rtn_");
        StringBuilder text = new StringBuilder("\n\n==== Retention Goods (Retention Kit sample store) ====\n");
        if (seeded) {
            text.append("Seeded history (seed ").append(properties.seed()).append(", ").append(properties.customers())
                    .append(" customers) in ").append(took.toMillis()).append(" ms\n");
        }
        if (!adminPassword.isBlank()) {
            text.append("Admin:   admin / ").append(adminPassword)
                    .append("   (/admin/orders, /admin/retention)\n");
        }
        if (seeded) {
            text.append("Shopper: alice@example.com / demo   (").append(HistoryGenerator.SHARED_PASSWORD_NOTE)
                    .append(")\n");
        }
        text.append("Shop tables:      ").append(shop).append('\n');
        text.append("Retention tables: ").append(retention).append('\n');
        log.info(text.toString());
    }
}
