package dev.retention.analytics.internal;

import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.time.Instant;
import java.util.List;

/**
 * SQL fragments that differ between H2, PostgreSQL and MariaDB, and the bucketing of UTC timestamps into
 * reporting-zone months without the databases' time-zone functions (MariaDB's need zone tables that are often not
 * loaded): the month boundaries are computed in Java and compared in a CASE expression.
 */
public final class ReportSql {

    /** Orders that count for reports: cancelled ones never do. */
    public static final String COUNTED = "o.status <> 'CANCELLED'";

    /** Revenue of an order: net merchandise in the base currency less what was refunded. */
    public static final String REVENUE = "(o.base_net - o.base_refunded)";

    private ReportSql() {
    }

    /** Whole seconds from {@code earlier} to {@code later} (both TIMESTAMP columns). */
    public static String secondsBetween(DatabaseVendor vendor, String later, String earlier) {
        return switch (vendor) {
            case POSTGRESQL -> "CAST(FLOOR(EXTRACT(EPOCH FROM (" + later + " - " + earlier + "))) AS BIGINT)";
            case MYSQL, H2 -> "TIMESTAMPDIFF(SECOND, " + earlier + ", " + later + ")";
        };
    }

    /**
     * {@code CASE WHEN column < ? THEN -1 WHEN column < ? THEN 0 ... ELSE n END}: the index of the bucket
     * [boundary<sub>i</sub>, boundary<sub>i+1</sub>) holding the column, -1 before the first boundary and
     * {@code boundaries.size() - 1} from the last one on. Bind {@link #caseParams(List)} for its placeholders.
     */
    public static String bucketIndex(String column, int boundaries) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < boundaries; i++) {
            sql.append(" WHEN ").append(column).append(" < ? THEN ").append(i - 1);
        }
        return sql.append(" ELSE ").append(boundaries - 1).append(" END").toString();
    }

    public static List<Object> caseParams(List<Instant> boundaries) {
        return boundaries.stream().map(b -> (Object) UtcTime.toColumn(b)).toList();
    }
}
