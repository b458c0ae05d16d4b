package dev.retention.bench;

import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderTotals;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Event ingestion through the inbox: N generated orders published in batches and processed (stored, decoded,
 * projected into rtn_order/rtn_order_line, marked processed), end to end, on H2 and on PostgreSQL; then, on the
 * same PostgreSQL, the rate of plain single-row autocommit inserts into a one-table schema, the physical ceiling
 * that a per-event transaction design would be bounded by.
 */
public final class IngestBench {

    private IngestBench() {
    }

    @SpringBootApplication
    static class BenchHost {
    }

    public static void run(String[] args) throws Exception {
        int orders = Integer.parseInt(Results.option(args, "orders", "100000"));
        String postgres = Results.option(args, "postgres", "jdbc:postgresql://127.0.0.1:5432/test");
        List<RetentionEvent> events = generate(orders, 42);

        double h2 = ingest("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", events);
        Results.print("ingest.h2.orders_per_second", h2, "orders/s");

        String schema = "retention_bench";
        try (Connection connection = DriverManager.getConnection(postgres, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        String schemaUrl = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        double pg = ingest(schemaUrl, "postgres", events);
        Results.print("ingest.postgresql.orders_per_second", pg, "orders/s");

        Results.print("postgresql.single_row_insert.rows_per_second", singleRowInserts(schemaUrl, 20_000), "rows/s");
        try (Connection connection = DriverManager.getConnection(postgres, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static double ingest(String url, String user, List<RetentionEvent> events) {
        SpringApplication application = new SpringApplication(BenchHost.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--retention.inbox.worker=false",
                "--retention.inbox.batch-size=500", "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            RetentionEvents publisher = context.getBean(RetentionEvents.class);
            Inbox inbox = context.getBean(Inbox.class);
            long start = System.nanoTime();
            for (int from = 0; from < events.size(); from += 1000) {
                publisher.publishAll(events.subList(from, Math.min(events.size(), from + 1000)));
            }
            int handled = inbox.drain();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (handled != events.size()) {
                throw new IllegalStateException("Expected " + events.size() + " events processed, got " + handled);
            }
            return events.size() / seconds;
        }
    }

    private static double singleRowInserts(String url, int rows) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE plain_insert (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
            }
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO plain_insert (id, payload) VALUES (?, ?)")) {
                long start = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "order-" + i);
                    insert.executeUpdate();
                }
                return rows / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Deterministic orders: 1-4 lines from 10,000 products, 20% as many customers as orders. */
    static List<RetentionEvent> generate(int orders, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<RetentionEvent> events = new ArrayList<>(orders);
        int customers = Math.max(1, orders / 5);
        for (int i = 0; i < orders; i++) {
            int lineCount = 1 + random.nextInt(4);
            List<OrderLine> lines = new ArrayList<>(lineCount);
            BigDecimal subtotal = BigDecimal.ZERO;
            for (int l = 0; l < lineCount; l++) {
                BigDecimal price = BigDecimal.valueOf(199 + random.nextInt(9_800), 2);
                int quantity = 1 + random.nextInt(3);
                lines.add(new OrderLine("p" + random.nextInt(10_000), null, "cat" + random.nextInt(12), quantity,
                        price, BigDecimal.ZERO));
                subtotal = subtotal.add(price.multiply(BigDecimal.valueOf(quantity)));
            }
            OrderTotals totals = new OrderTotals(subtotal, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, subtotal);
            String orderId = "bench-" + i;
            events.add(new OrderPlaced(orderId + "-placed", start.plus(Duration.ofMinutes(i * 5L)),
                    "c" + random.nextInt(customers), orderId, "k" + i, lines, "EUR", totals, "EUR", totals, 0, null,
                    null, List.of(), "web"));
        }
        return events;
    }
}
