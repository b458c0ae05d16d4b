package dev.retention.analytics.web;

import dev.retention.admin.AdminActor;
import dev.retention.analytics.ReportingSettings;
import dev.retention.audit.AuditLog;
import dev.retention.support.Problems;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reporting options and marketing spend: {@code GET|PUT /admin/retention/api/settings/{reporting|spend}}. */
@RestController
@RequestMapping("/admin/retention/api/settings")
public class AnalyticsSettingsController {

    private final ReportingSettings settings;
    private final AuditLog audit;

    public AnalyticsSettingsController(ReportingSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    /** The reporting options as sent by the admin; every field is required. */
    public record ReportingRequest(String zone, Integer activeWindowDays, Integer maxLifespanYears,
            BigDecimal grossMarginPercent) {
    }

    /** One month of marketing spend as sent by the admin. */
    public record SpendRequest(String month, BigDecimal amount) {
    }

    @GetMapping("/reporting")
    public ReportingSettings.Options reporting() {
        return settings.options();
    }

    @PutMapping("/reporting")
    @Transactional
    public ReportingSettings.Options updateReporting(@RequestBody ReportingRequest request, Principal principal) {
        ReportingSettings.Options before = settings.options();
        ReportingSettings.Options options = new ReportingSettings.Options(request.zone(),
                required(request.activeWindowDays(), "activeWindowDays"),
                required(request.maxLifespanYears(), "maxLifespanYears"),
                required(request.grossMarginPercent(), "grossMarginPercent"));
        ReportingSettings.Options after = settings.update(options);
        audit.record(AdminActor.of(principal), "settings", "reporting", "update", null, before.toString(),
                after.toString());
        return after;
    }

    @GetMapping("/spend")
    public List<ReportingSettings.MonthlySpend> spend() {
        return settings.spend();
    }

    @PutMapping("/spend")
    @Transactional
    public List<ReportingSettings.MonthlySpend> updateSpend(@RequestBody List<SpendRequest> request,
            Principal principal) {
        List<ReportingSettings.MonthlySpend> months = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            SpendRequest item = request.get(i);
            String field = "[" + i + "].month";
            if (item == null || item.month() == null) {
                throw new Problems.FieldException(400, "Invalid request", field, field + ": is required (yyyy-MM)");
            }
            YearMonth month;
            try {
                month = YearMonth.parse(item.month());
            } catch (DateTimeParseException e) {
                throw new Problems.FieldException(400, "Invalid request", field,
                        field + ": '" + item.month() + "' is not a month (yyyy-MM)");
            }
            if (item.amount() == null || item.amount().signum() < 0) {
                String amount = "[" + i + "].amount";
                throw new Problems.FieldException(400, "Invalid request", amount,
                        amount + ": must be zero or more, was " + item.amount());
            }
            months.add(new ReportingSettings.MonthlySpend(month, item.amount()));
        }
        List<ReportingSettings.MonthlySpend> after = settings.updateSpend(months);
        audit.record(AdminActor.of(principal), "settings", "spend", "update", null, null, months.toString());
        return after;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new Problems.FieldException(400, "Invalid request", field, field + ": is required");
        }
        return value;
    }
}
