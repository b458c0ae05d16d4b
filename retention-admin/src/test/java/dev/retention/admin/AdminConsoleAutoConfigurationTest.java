package dev.retention.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.admin.web.CustomersPageController;
import dev.retention.admin.web.OperationsPageController;
import dev.retention.admin.web.ReportPagesController;
import dev.retention.autoconfigure.RetentionAnalyticsAutoConfiguration;
import dev.retention.autoconfigure.RetentionCustomerAutoConfiguration;
import dev.retention.autoconfigure.RetentionIngestAutoConfiguration;
import dev.retention.autoconfigure.RetentionPrivacyAutoConfiguration;
import dev.retention.customer.web.CustomerAdminController;
import dev.retention.ingest.web.InboxAdminController;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class AdminConsoleAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, RetentionIngestAutoConfiguration.class,
                    RetentionCustomerAutoConfiguration.class, RetentionPrivacyAutoConfiguration.class,
                    RetentionAnalyticsAutoConfiguration.class, RetentionAdminAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:admin-autoconfig-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "retention.inbox.worker=false", "retention.admin.security=false");

    @Test
    void consolePagesAndTheCustomerApiComeWithTheAdminModule() {
        runner.run(context -> assertThat(context).hasSingleBean(ReportPagesController.class)
                .hasSingleBean(OperationsPageController.class).hasSingleBean(CustomersPageController.class)
                .hasSingleBean(CustomerAdminController.class).hasSingleBean(InboxAdminController.class));
    }

    @Test
    void consoleCanBeSwitchedOffLeavingTheApi() {
        runner.withPropertyValues("retention.admin.console=false")
                .run(context -> assertThat(context).doesNotHaveBean(ReportPagesController.class)
                        .doesNotHaveBean(OperationsPageController.class)
                        .hasSingleBean(CustomerAdminController.class).hasSingleBean(InboxAdminController.class));
    }

    @Test
    void aHostPageControllerReplacesOurs() {
        runner.withBean("hostReports", ReportPagesController.class,
                        () -> new ReportPagesController(null, Clock.systemUTC()))
                .run(context -> assertThat(context.getBean(ReportPagesController.class))
                        .isSameAs(context.getBean("hostReports")));
    }
}
