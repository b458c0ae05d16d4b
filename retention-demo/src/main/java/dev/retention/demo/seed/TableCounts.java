package dev.retention.demo.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** Row counts of the shop's and Retention Kit's tables, for the start-up report. */
public final class TableCounts {

    private TableCounts() {
    }

    /** Names (as the database spells them) of the current schema's tables starting with {@code prefix}. */
    public static List<String> tables(JdbcTemplate jdbc, String prefix) {
        List<String> names = new ArrayList<>();
        for (String name : jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = SCHEMA() OR table_schema = CURRENT_SCHEMA", String.class)) {
            if (name.toLowerCase(Locale.ROOT).startsWith(prefix) && !names.contains(name)) {
                names.add(name);
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    public static Map<String, Long> count(JdbcTemplate jdbc, String prefix) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(jdbc, prefix)) {
            counts.put(table.toLowerCase(Locale.ROOT),
                    jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
        }
        return counts;
    }
}
