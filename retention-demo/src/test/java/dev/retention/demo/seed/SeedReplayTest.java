package dev.retention.demo.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.ingest.Inbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the store with a small seeded history and replays that whole history a second time: because every event
 * id comes from a shop id, the replay is a string of duplicates and no Retention Kit table changes.
 */
@SpringBootTest(properties = {"demo.seed.enabled=true", "demo.seed.customers=200", "demo.seed.seed=7",
    "retention.inbox.worker=false", "spring.datasource.url=jdbc:h2:mem:seed-replay;DB_CLOSE_DELAY=-1"})
class SeedReplayTest {

    /**
     * Not event-derived state: the inbox's lease lock is rewritten by every drain, and the recommendation index is a
     * trained artefact that the training job rewrites on its own schedule (the seeder also trains once after the
     * replay), whether or not any event arrives.
     */
    private static final List<String> LEASES = List.of("rtn_lock", "rtn_reco_index", "rtn_reco_index_chunk");

    @Autowired
    DemoSeeder seeder;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void contextStartsWithASeededShopWhoseRetentionTablesAreFilled() {
        Map<String, Long> shop = TableCounts.count(jdbc, "shop_");
        Map<String, Long> retention = TableCounts.count(jdbc, "rtn_");

        assertThat(shop.get("shop_customer")).isEqualTo(200);
        assertThat(shop.get("shop_order")).isGreaterThan(1000);
        assertThat(shop.get("shop_product")).isEqualTo(240);
        assertThat(retention.get("rtn_customer")).isEqualTo(200);
        assertThat(retention.get("rtn_order")).isEqualTo(shop.get("shop_order"));
        assertThat(retention.get("rtn_order_line")).isEqualTo(shop.get("shop_order_line"));
        assertThat(retention.get("rtn_refund")).isEqualTo(shop.get("shop_refund"));
        assertThat(inbox.stats().pending()).isZero();
        assertThat(inbox.stats().parked()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shop_customer WHERE email = 'alice@example.com'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void replayingTheWholeSeededHistoryAgainChangesNoRetentionTable() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        SeedHistory history = seeder.generate(seeder.anchor());

        seeder.replay(history.events());
        inbox.drain();

        Map<String, List<Map<String, Object>>> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(before.get("rtn_inbox")).hasSize(history.events().size());
    }

    /** Every rtn_ table, all columns, rows ordered by every column. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TableCounts.tables(jdbc, "rtn_")) {
            if (LEASES.contains(table.toLowerCase())) {
                continue;
            }
            List<String> columns = new ArrayList<>(jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = ? ORDER BY ordinal_position", String.class, table));
            String orderBy = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM \"" + table + "\" ORDER BY " + orderBy);
            List<Map<String, Object>> normalised = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Map<String, Object> copy = new LinkedHashMap<>();
                row.forEach((column, value) -> copy.put(column, value instanceof java.sql.Clob clob ? text(clob)
                        : value));
                normalised.add(copy);
            }
            tables.put(table.toLowerCase(), normalised);
        }
        return tables;
    }

    private static String text(java.sql.Clob clob) {
        try {
            return clob.getSubString(1, (int) clob.length());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
