package dev.retention.engage.web;

import dev.retention.admin.AdminActor;
import dev.retention.audit.AuditLog;
import dev.retention.engage.EngagementReports;
import dev.retention.engage.Flow;
import dev.retention.engage.FlowSettings;
import dev.retention.engage.FlowSettingsService;
import dev.retention.engage.MessageStatus;
import dev.retention.engage.Outbox;
import dev.retention.engage.OutboxMessage;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Engagement settings and reports for the admin console: each flow's settings (validated, audited), the campaign
 * report per flow and variant with lift against the holdout, and the outbox (e.g. parked messages).
 */
@RestController
public class EngageAdminController {

    private final FlowSettingsService flows;
    private final EngagementReports reports;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public EngageAdminController(FlowSettingsService flows, EngagementReports reports, Outbox outbox, AuditLog audit,
            Clock clock) {
        this.flows = flows;
        this.reports = reports;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/retention/api/settings/flows")
    public Map<String, Object> settings() {
        Map<String, Object> view = new LinkedHashMap<>();
        flows.all().forEach((flow, settings) -> view.put(flow.key(), withKind(flow, settings)));
        return view;
    }

    /**
     * Updates flows: {@code {"abandoned-cart": {"delays": ["PT2H", "P1D"], "holdoutPercent": 20}}}. Every flow is
     * validated before any is saved; a bad value is refused with the field, e.g. {@code abandoned-cart.delays[0]}.
     */
    @PutMapping("/admin/retention/api/settings/flows")
    public Map<String, Object> update(@RequestBody Map<String, Object> body, Principal principal) {
        Map<Flow, FlowSettings> updated = new LinkedHashMap<>();
        for (var entry : body.entrySet()) {
            Flow flow;
            try {
                flow = Flow.ofKey(entry.getKey());
            } catch (NoSuchElementException e) {
                throw new FieldException(400, "Invalid flow settings", entry.getKey(), entry.getKey()
                        + ": no such flow");
            }
            if (!(entry.getValue() instanceof Map<?, ?> values)) {
                throw new FieldException(400, "Invalid flow settings", entry.getKey(), entry.getKey()
                        + ": must be an object of settings");
            }
            try {
                updated.put(flow, FlowSettingsService.fromJson(tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(values), flows.get(flow)));
            } catch (FieldException e) {
                throw new FieldException(e.status(), e.title(), flow.key() + "." + e.field(), flow.key() + "."
                        + e.getMessage());
            }
        }
        String actor = AdminActor.of(principal);
        updated.forEach((flow, settings) -> {
            String before = FlowSettingsService.toJson(flows.get(flow));
            flows.save(flow, settings, actor);
            audit.record(actor, "engage-flow", flow.key(), "update-settings", null, before,
                    FlowSettingsService.toJson(settings));
        });
        return settings();
    }

    @GetMapping("/admin/retention/api/reports/campaigns")
    public List<EngagementReports.CampaignRow> campaigns(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw new FieldException(400, "Invalid request", "from", "from: must be before to");
        }
        return reports.campaigns(start, end);
    }

    @GetMapping("/admin/retention/api/engage/outbox")
    public Map<String, Object> outbox(@RequestParam(defaultValue = "PARKED") MessageStatus status,
            @RequestParam(defaultValue = "50") int limit) {
        List<OutboxMessage> messages = outbox.withStatus(status, Math.max(1, Math.min(limit, 500)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("counts", outbox.counts());
        view.put("messages", messages);
        return view;
    }

    private static Map<String, Object> withKind(Flow flow, FlowSettings settings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("marketing", flow.marketing());
        view.putAll(FlowSettingsService.toMap(settings));
        return view;
    }
}
