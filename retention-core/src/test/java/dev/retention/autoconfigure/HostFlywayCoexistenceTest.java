package dev.retention.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A host with its own Flyway migrations keeps them working next to ours; both histories exist. */
class HostFlywayCoexistenceTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class,
                    RetentionIngestAutoConfiguration.class, RetentionCustomerAutoConfiguration.class,
                    RetentionPrivacyAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:coexist-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.flyway.locations=classpath:db/hostmigration", "retention.inbox.worker=false");

    @Test
    void hostAndRetentionMigrationsBothRunWithSeparateHistories() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(org.flywaydb.core.Flyway.class);
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT \"script\" FROM \"flyway_schema_history\"").query(String.class).list())
                    .contains("V1__host_catalog.sql").doesNotContain("V1__foundation.sql");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_product").query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT \"script\" FROM \"rtn_schema_history\" WHERE \"success\" = TRUE")
                    .query(String.class).list()).contains("V1__foundation.sql")
                    .doesNotContain("V1__host_catalog.sql");
        });
    }

    @Test
    void migrateFalseStillRunsTheHostsMigrations() {
        runner.withPropertyValues("retention.schema.migrate=false").run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_product").query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME)"
                    + " LIKE 'rtn_%'").query(Long.class).single()).isZero();
        });
    }
}
