package dev.retention.autoconfigure;

import dev.retention.support.DatabaseVendor;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Retention Kit's own migrations ({@code classpath:db/retention/{vendor}}) with their own history table, so
 * they never mix with the host's. Deliberately not a {@link Flyway} bean: exposing one would make Spring Boot's
 * Flyway auto-configuration back off and silently stop the host's migrations. Ordered after the host's Flyway and
 * before JPA by {@link RetentionSchemaInitializerDetector}.
 */
public class RetentionSchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchemaMigrator.class);

    private final DataSource dataSource;
    private final DatabaseVendor vendor;
    private final String historyTable;

    public RetentionSchemaMigrator(DataSource dataSource, DatabaseVendor vendor, String historyTable) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.historyTable = historyTable;
    }

    @Override
    public void afterPropertiesSet() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .table(historyTable)
                .locations("classpath:db/retention/" + vendor.folder())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                // Each feature owns a major version (loyalty 2.x, recommendations 3.x, analytics 4.x, engagement
                // 5.x, admin 6.x), so a later release may add 2.1 after 4.0 was applied.
                .outOfOrder(true)
                .load()
                .migrate();
        log.info("retention.schema.migrated vendor={} table={} applied={} version={}", vendor.folder(), historyTable,
                result.migrationsExecuted, result.targetSchemaVersion);
    }
}
