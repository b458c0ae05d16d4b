package dev.retention.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases Retention Kit ships migrations for. The name is the folder under {@code db/retention/}; MariaDB
 * and MySQL share Flyway's {@code mysql} vendor.
 */
public enum DatabaseVendor {

    H2("h2"), POSTGRESQL("postgresql"), MYSQL("mysql");

    private final String folder;

    DatabaseVendor(String folder) {
        this.folder = folder;
    }

    /** Folder under {@code db/retention/} holding this vendor's migrations. */
    public String folder() {
        return folder;
    }

    public static DatabaseVendor of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ofProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        }
    }

    static DatabaseVendor ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MYSQL;
        }
        throw new IllegalStateException("Retention Kit supports H2, PostgreSQL and MariaDB/MySQL, not " + productName);
    }

    /**
     * An INSERT that silently does nothing when a unique key already exists, without raising an error (which on
     * PostgreSQL would abort the surrounding transaction, possibly the host's checkout).
     *
     * @param table          table name
     * @param columns        comma-separated column list
     * @param conflictColumn the unique column(s) to test, comma-separated
     */
    public String insertIgnoring(String table, String columns, String conflictColumn) {
        int count = columns.split(",").length;
        String params = String.join(", ", java.util.Collections.nCopies(count, "?"));
        return switch (this) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + params + ") ON CONFLICT ("
                    + conflictColumn + ") DO NOTHING";
            case MYSQL -> "INSERT IGNORE INTO " + table + " (" + columns + ") VALUES (" + params + ")";
            case H2 -> "MERGE INTO " + table + " t USING (SELECT 1 AS one) s ON (" + conflictMatch(conflictColumn)
                    + ") WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + params + ")";
        };
    }

    private static String conflictMatch(String conflictColumns) {
        StringBuilder match = new StringBuilder();
        for (String column : conflictColumns.split(",")) {
            if (!match.isEmpty()) {
                match.append(" AND ");
            }
            match.append("t.").append(column.trim()).append(" = ?");
        }
        return match.toString();
    }

    /** Whether {@link #insertIgnoring} expects the conflict column values first (H2's MERGE form). */
    public boolean insertIgnoringBindsKeyFirst() {
        return this == H2;
    }
}
