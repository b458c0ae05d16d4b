package dev.retention.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.customer.CustomerProfiles;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.internal.InboxWorker;
import dev.retention.privacy.PrivacyService;
import dev.retention.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class RetentionAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, RetentionIngestAutoConfiguration.class,
                    RetentionCustomerAutoConfiguration.class, RetentionPrivacyAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "retention.inbox.worker=false");

    @Test
    void withADataSourceEverythingIsWiredAndTheSchemaIsMigrated() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RetentionEvents.class).hasSingleBean(Inbox.class)
                    .hasSingleBean(PrivacyService.class).hasSingleBean(CustomerProfiles.class)
                    .hasSingleBean(RetentionSchemaMigrator.class).hasSingleBean(Clock.class)
                    .doesNotHaveBean(InboxWorker.class)
                    .doesNotHaveBean(org.flywaydb.core.Flyway.class);
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM \"rtn_schema_history\" WHERE \"success\" = TRUE")
                    .query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_inbox").query(Long.class).single()).isZero();
            assertThat(context.getBean(PrivacyService.class).sections()).contains("events", "profile");
        });
    }

    @Test
    void hostBeansReplaceOurs() {
        Clock fixed = Clock.fixed(Instant.parse("2025-05-05T00:00:00Z"), ZoneOffset.UTC);
        runner.withBean("hostClock", Clock.class, () -> fixed)
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
    }

    @Test
    void capabilitiesListThePortsTheHostProvides() {
        runner.withBean(dev.retention.host.CustomerDirectoryPort.class, () -> id -> java.util.Optional.empty())
                .run(context -> {
                    var capabilities = context.getBean(dev.retention.host.HostCapabilities.class);
                    assertThat(capabilities.ports()).containsExactly(
                            dev.retention.host.HostCapabilities.Port.CUSTOMER_DIRECTORY);
                    assertThat(capabilities.publishes(dev.retention.host.OrderRefunded.class)).isTrue();
                });
    }

    @Test
    void workerRunsByDefault() {
        runner.withPropertyValues("retention.inbox.worker=true")
                .run(context -> assertThat(context).hasSingleBean(InboxWorker.class));
    }

    @Test
    void disabledKitDefinesNothing() {
        runner.withPropertyValues("retention.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RetentionEvents.class)
                        .doesNotHaveBean(PrivacyService.class).doesNotHaveBean(CustomerProfiles.class));
    }

    @Test
    void withoutADataSourceNothingIsDefined() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RetentionIngestAutoConfiguration.class,
                        RetentionCustomerAutoConfiguration.class, RetentionPrivacyAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RetentionEvents.class));
    }

    @Test
    void migrateFalseLeavesTheSchemaToTheIntegrator() {
        runner.withPropertyValues("retention.schema.migrate=false").run(context -> {
            assertThat(context).doesNotHaveBean(RetentionSchemaMigrator.class);
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE 'rtn_%'")
                    .query(Long.class).single()).isZero();
        });
    }

    @Test
    void invalidInboxSettingsAreRefusedNamingTheProperty() {
        runner.withPropertyValues("retention.inbox.batch-size=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("retention.inbox.batch-size"));
    }

    @Test
    void testDatabaseDefaultsToH2() {
        assertThat(TestDatabase.properties("x").get("spring.datasource.url")).isNotBlank();
    }
}
