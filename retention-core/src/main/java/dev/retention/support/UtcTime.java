package dev.retention.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Every Retention Kit timestamp column is a zone-less TIMESTAMP holding UTC wall time (MariaDB has no
 * {@code TIMESTAMP WITH TIME ZONE}). Bind and read through these two methods so the JVM default zone never
 * shifts a value.
 */
public final class UtcTime {

    private UtcTime() {
    }

    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Reads a UTC timestamp column; null stays null. */
    public static Instant read(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return fromColumn(rs.getObject(column, LocalDateTime.class));
    }

    public static Instant fromColumn(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp column value: " + value.getClass().getName());
    }
}
