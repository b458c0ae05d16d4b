package dev.retention.admin;

import dev.retention.analytics.CustomerPredictions;
import dev.retention.analytics.ReportingSettings;
import dev.retention.analytics.RetentionReports;
import dev.retention.analytics.RfmScores;
import dev.retention.analytics.Segments;
import dev.retention.analytics.web.AnalyticsReportsController;
import dev.retention.analytics.web.AnalyticsSettingsController;
import dev.retention.analytics.web.SegmentsController;
import dev.retention.admin.web.AdminConsoleConfiguration;
import dev.retention.audit.AuditLog;
import dev.retention.audit.web.AuditAdminController;
import dev.retention.autoconfigure.RetentionAnalyticsAutoConfiguration;
import dev.retention.autoconfigure.RetentionEngageAutoConfiguration;
import dev.retention.autoconfigure.RetentionPrivacyAutoConfiguration;
import dev.retention.autoconfigure.RetentionProperties;
import dev.retention.customer.web.CustomerAdminConfiguration;
import dev.retention.engage.EngagementReports;
import dev.retention.engage.FlowSettingsService;
import dev.retention.engage.Outbox;
import dev.retention.engage.web.EngageAdminController;
import dev.retention.feedback.Feedback;
import dev.retention.feedback.FeedbackReports;
import dev.retention.feedback.web.FeedbackAdminController;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionJobs;
import dev.retention.ingest.web.InboxAdminController;
import dev.retention.privacy.PrivacyService;
import dev.retention.privacy.web.PrivacyAdminController;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The admin web layer: problem details, the operations and privacy API, and a security chain that lets only
 * {@code RETENTION_ADMIN} into {@code /admin/retention/**} (browsers are sent to the host's login page, scripts
 * use HTTP Basic). Imports the console pages ({@link AdminConsoleConfiguration}) and the customer API.
 */
@AutoConfiguration(after = {RetentionPrivacyAutoConfiguration.class, RetentionAnalyticsAutoConfiguration.class,
    RetentionEngageAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(RetentionProperties.class)
@EnableConfigurationProperties(RetentionAdminProperties.class)
@Import({AdminConsoleConfiguration.class, CustomerAdminConfiguration.class})
public class RetentionAdminAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AdminProblemAdvice retentionAdminProblemAdvice() {
        return new AdminProblemAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    InboxAdminController retentionInboxAdminController(Inbox inbox, RetentionJobs jobs, AuditLog audit) {
        return new InboxAdminController(inbox, jobs, audit);
    }

    @Bean
    @ConditionalOnMissingBean
    PrivacyAdminController retentionPrivacyAdminController(PrivacyService privacy, AuditLog audit, Clock clock) {
        return new PrivacyAdminController(privacy, audit, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditAdminController retentionAuditAdminController(AuditLog audit) {
        return new AuditAdminController(audit);
    }

    @Bean
    @ConditionalOnMissingBean
    AnalyticsReportsController retentionAnalyticsReportsController(RetentionReports reports, RfmScores rfm,
            CustomerPredictions predictions) {
        return new AnalyticsReportsController(reports, rfm, predictions);
    }

    @Bean
    @ConditionalOnMissingBean
    AnalyticsSettingsController retentionAnalyticsSettingsController(ReportingSettings settings, AuditLog audit) {
        return new AnalyticsSettingsController(settings, audit);
    }

    @Bean
    @ConditionalOnMissingBean
    SegmentsController retentionSegmentsController(Segments segments, AuditLog audit) {
        return new SegmentsController(segments, audit);
    }

    /** Engagement settings, campaign report and outbox, when engagement is on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(FlowSettingsService.class)
    static class EngageAdmin {

        @Bean
        @ConditionalOnMissingBean
        EngageAdminController retentionEngageAdminController(FlowSettingsService flows, EngagementReports reports,
                Outbox outbox, AuditLog audit, Clock clock) {
            return new EngageAdminController(flows, reports, outbox, audit, clock);
        }
    }

    /** NPS results and detractor alerts, when feedback is on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(Feedback.class)
    static class FeedbackAdmin {

        @Bean
        @ConditionalOnMissingBean
        FeedbackAdminController retentionFeedbackAdminController(Feedback feedback, FeedbackReports reports,
                AuditLog audit, Clock clock) {
            return new FeedbackAdminController(feedback, reports, audit, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityFilterChain.class)
    @ConditionalOnBooleanProperty(name = "retention.admin.security", matchIfMissing = true)
    static class AdminSecurity {

        @Bean
        @Order(10)
        @ConditionalOnMissingBean(name = "retentionAdminSecurityFilterChain")
        SecurityFilterChain retentionAdminSecurityFilterChain(HttpSecurity http, RetentionAdminProperties properties)
                throws Exception {
            PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/admin/retention/api/**");
            return http.securityMatcher("/admin/retention/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(properties.role()))
                    .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                    .exceptionHandling(errors -> errors
                            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                            .defaultAuthenticationEntryPointFor(
                                    new LoginUrlAuthenticationEntryPoint(properties.loginPage()),
                                    request -> true))
                    // Basic-authenticated scripts carry no session cookie to forge; browser forms need the token.
                    .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                    .build();
        }
    }
}
