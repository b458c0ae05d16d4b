package dev.retention.feedback.web;

import dev.retention.admin.AdminActor;
import dev.retention.audit.AuditLog;
import dev.retention.feedback.Feedback;
import dev.retention.feedback.FeedbackAnswer;
import dev.retention.feedback.FeedbackReports;
import dev.retention.support.Problems.FieldException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** NPS results and detractor alerts for the admin console. */
@RestController
public class FeedbackAdminController {

    private final Feedback feedback;
    private final FeedbackReports reports;
    private final AuditLog audit;
    private final Clock clock;

    public FeedbackAdminController(Feedback feedback, FeedbackReports reports, AuditLog audit, Clock clock) {
        this.feedback = feedback;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /** NPS, distribution, CSAT, monthly trend and the latest comments (default: the last 12 months). */
    @GetMapping("/admin/retention/api/reports/nps")
    public Map<String, Object> nps(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(365)) : from;
        if (!start.isBefore(end)) {
            throw new FieldException(400, "Invalid request", "from", "from: must be before to");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("summary", reports.summary(start, end));
        view.put("trend", reports.trend(start, end));
        view.put("comments", reports.comments(start, end, 100));
        return view;
    }

    @GetMapping("/admin/retention/api/feedback/alerts")
    public List<FeedbackAnswer> alerts(@RequestParam(defaultValue = "OPEN") String status) {
        if (!status.equals("OPEN") && !status.equals("HANDLED")) {
            throw new FieldException(400, "Invalid request", "status", "status: OPEN or HANDLED");
        }
        return feedback.alerts(status, 200);
    }

    @PostMapping("/admin/retention/api/feedback/alerts/{invitationId}/handled")
    public Map<String, Object> handled(@PathVariable String invitationId, Principal principal) {
        String actor = AdminActor.of(principal);
        if (!feedback.handleAlert(invitationId, actor)) {
            throw new NoSuchElementException("No open alert for " + invitationId);
        }
        audit.record(actor, "feedback-alert", invitationId, "handled", null, "OPEN", "HANDLED");
        return Map.of("invitationId", invitationId, "status", "HANDLED");
    }
}
