package dev.retention.admin.web;

import dev.retention.audit.AuditLog;
import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.customer.web.CustomerAdminController;
import dev.retention.host.HostCapabilities;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionJobs;
import dev.retention.privacy.PrivacyService;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The console pages (Thymeleaf) under {@code /admin/retention}, imported by
 * {@link dev.retention.admin.RetentionAdminAutoConfiguration}. Switch off with {@code retention.admin.console=false}
 * to keep only the JSON API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.thymeleaf.spring6.SpringTemplateEngine")
@ConditionalOnBooleanProperty(name = "retention.admin.console", matchIfMissing = true)
public class AdminConsoleConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AdminApiEndpoints retentionAdminApiEndpoints(ApplicationContext context) {
        return new AdminApiEndpoints(() -> context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class));
    }

    @Bean
    @ConditionalOnMissingBean
    AdminConsoleAssets retentionAdminConsoleAssets() {
        return new AdminConsoleAssets();
    }

    @Bean
    @ConditionalOnMissingBean
    AdminPageAdvice retentionAdminPageAdvice() {
        return new AdminPageAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    ReportPagesController retentionReportPagesController(AdminApiEndpoints endpoints, Clock clock) {
        return new ReportPagesController(endpoints, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    OperationsPageController retentionOperationsPageController(Inbox inbox, RetentionJobs jobs, AuditLog audit,
            TransactionTemplate tx, AdminApiEndpoints endpoints, ObjectProvider<HostCapabilities> capabilities) {
        return new OperationsPageController(inbox, jobs, audit, tx, endpoints, capabilities);
    }

    @Bean
    @ConditionalOnMissingBean
    CustomersPageController retentionCustomersPageController(CustomerProfiles profiles, OrderHistory orders,
            PrivacyService privacy, AuditLog audit, AdminApiEndpoints endpoints, Clock clock,
            ObjectProvider<CustomerAdminController.CustomerInsight> insights) {
        return new CustomersPageController(profiles, orders, privacy, audit, endpoints, clock, insights);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditPageController retentionAuditPageController(AuditLog audit) {
        return new AuditPageController(audit);
    }

    @Bean
    @ConditionalOnMissingBean
    SettingsPageController retentionSettingsPageController(AdminApiEndpoints endpoints) {
        return new SettingsPageController(endpoints);
    }
}
