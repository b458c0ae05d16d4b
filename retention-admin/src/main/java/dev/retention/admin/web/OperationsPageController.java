package dev.retention.admin.web;

import dev.retention.admin.AdminActor;
import dev.retention.audit.AuditLog;
import dev.retention.host.HostCapabilities;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.InboxEntry;
import dev.retention.ingest.InboxStats;
import dev.retention.ingest.InboxStatus;
import dev.retention.ingest.JobRun;
import dev.retention.ingest.RetentionJobs;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operations: inbox health and parked events with retry, scheduled jobs with their last run and "run now", and
 * what the host and the installed features provide.
 */
@Controller
@RequestMapping("/admin/retention/operations")
public class OperationsPageController {

    static final int PAGE_SIZE = 25;

    private final Inbox inbox;
    private final RetentionJobs jobs;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final AdminApiEndpoints endpoints;
    private final ObjectProvider<HostCapabilities> capabilities;

    public OperationsPageController(Inbox inbox, RetentionJobs jobs, AuditLog audit, TransactionTemplate tx,
            AdminApiEndpoints endpoints, ObjectProvider<HostCapabilities> capabilities) {
        this.inbox = inbox;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
        this.endpoints = endpoints;
        this.capabilities = capabilities;
    }

    /** An inbox row as the page shows it. */
    public record EventRow(String eventId, String eventType, String customerId, String occurredAt, String receivedAt,
            String status, int attempts, String nextAttemptAt, String lastError, boolean retryable) {
    }

    /** A job row: its last run and, while running, how far it got. */
    public record JobRow(String name, String interval, String lastStarted, String lastDuration, String lastStatus,
            Long lastItems, String lastMessage, boolean running, long done, long total) {
    }

    /** A line of the capability panel. */
    public record Capability(String name, boolean available, String note) {
    }

    @GetMapping
    public String operations(@RequestParam(defaultValue = "parked") String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String watch,
            HttpServletRequest request, Model model) {
        InboxStatus filter = status(status);
        int current = Math.max(0, page);
        InboxStats stats = inbox.stats();
        long total = filter == null ? stats.pending() + stats.processed() + stats.parked() : switch (filter) {
            case PENDING -> stats.pending();
            case PROCESSED -> stats.processed();
            case PARKED -> stats.parked();
        };
        List<EventRow> rows = inbox.list(filter, current, PAGE_SIZE).stream().map(OperationsPageController::row)
                .toList();
        model.addAttribute("nav", "operations");
        model.addAttribute("stats", stats);
        model.addAttribute("total", total);
        model.addAttribute("status", filter == null ? "all" : filter.name().toLowerCase(Locale.ROOT));
        model.addAttribute("events", rows);
        model.addAttribute("pager", Pager.of(request, "page", current, (long) (current + 1) * PAGE_SIZE < total));
        model.addAttribute("jobs", jobs.statuses().stream().map(OperationsPageController::job).toList());
        model.addAttribute("host", hostCapabilities());
        model.addAttribute("features", features());
        model.addAttribute("watch", watch);
        model.addAttribute("driftAvailable", endpoints.get("/admin/retention/api/loyalty/drift"));
        return "retention-admin/operations";
    }

    @PostMapping("/inbox/{eventId}/retry")
    public String retry(@PathVariable String eventId, Principal principal, RedirectAttributes redirect) {
        String actor = AdminActor.of(principal);
        Optional<String> refusal = tx.execute(s -> {
            Optional<InboxEntry> entry = inbox.find(eventId);
            if (entry.isEmpty()) {
                return Optional.of("No event with id '" + eventId + "' in the inbox.");
            }
            if (entry.get().status() != InboxStatus.PARKED) {
                return Optional.of("Event '" + eventId + "' is " + entry.get().status().name().toLowerCase(Locale.ROOT)
                        + "; only parked events can be retried.");
            }
            inbox.retry(eventId, actor);
            audit.record(actor, "inbox-event", eventId, "retry", null, entry.get().lastError(), null);
            return Optional.empty();
        });
        if (refusal.isPresent()) {
            redirect.addFlashAttribute("error", refusal.get());
        } else {
            redirect.addFlashAttribute("notice", "Event '" + eventId + "' is back in line; the worker will process it"
                    + " shortly.");
        }
        return "redirect:/admin/retention/operations";
    }

    @PostMapping("/jobs/{name}/run")
    public String run(@PathVariable String name, Principal principal, RedirectAttributes redirect) {
        try {
            jobs.runNow(name);
            audit.record(AdminActor.of(principal), "job", name, "run", null, null, null);
            redirect.addFlashAttribute("notice", "Job '" + name + "' started.");
            redirect.addAttribute("watch", name);
        } catch (NoSuchElementException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/retention/operations#jobs";
    }

    private static InboxStatus status(String status) {
        if (status.isBlank() || status.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return InboxStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: must be one of all, pending, processed, parked; was '"
                    + status + "'");
        }
    }

    private static EventRow row(InboxEntry e) {
        return new EventRow(e.eventId(), e.eventType(), e.customerId(), AdminViews.time(e.occurredAt()),
                AdminViews.time(e.receivedAt()), e.status().name().toLowerCase(Locale.ROOT), e.attempts(),
                AdminViews.time(e.nextAttemptAt()), e.lastError(), e.status() == InboxStatus.PARKED);
    }

    private static JobRow job(RetentionJobs.JobStatus status) {
        Optional<JobRun> last = status.lastRun();
        return new JobRow(status.name(), status.interval().isZero() ? "on demand" : "every "
                + AdminViews.duration(status.interval()),
                last.map(r -> AdminViews.time(r.startedAt())).orElse(null),
                last.map(r -> AdminViews.duration(r.duration())).orElse(null),
                last.map(JobRun::status).orElse(null), last.map(JobRun::items).orElse(null),
                last.map(JobRun::message).orElse(null), status.running(), status.done(), status.total());
    }

    private List<Capability> hostCapabilities() {
        HostCapabilities host = capabilities.getIfAvailable();
        if (host == null) {
            return List.of();
        }
        List<Capability> lines = new ArrayList<>();
        for (HostCapabilities.Port port : HostCapabilities.Port.values()) {
            lines.add(new Capability("Port " + port.name().toLowerCase(Locale.ROOT).replace('_', ' '), host.has(port),
                    host.has(port) ? "provided by the host" : "not provided: features using it are switched off"));
        }
        List<Class<? extends RetentionEvent>> missing = new ArrayList<>(HostCapabilities.allEvents());
        missing.removeIf(host::publishes);
        missing.sort(Comparator.comparing(Class::getSimpleName));
        if (missing.isEmpty()) {
            lines.add(new Capability("Events", true, "all " + HostCapabilities.allEvents().size()
                    + " event types published"));
        }
        for (Class<? extends RetentionEvent> type : missing) {
            lines.add(new Capability("Event " + type.getSimpleName(), false,
                    "not published: reports using it stay empty"));
        }
        lines.add(new Capability("Store credit", host.supportsStoreCredit(),
                host.supportsStoreCredit() ? "cashback rewards available" : "cashback rewards unavailable"));
        return lines;
    }

    private List<Capability> features() {
        List<Capability> features = new ArrayList<>();
        feature(features, "Reports: KPIs", "/admin/retention/api/reports/kpis");
        feature(features, "Reports: cohorts, RFM, CLV, churn risk", "/admin/retention/api/reports/cohorts");
        feature(features, "Loyalty accounts and adjustments", "/admin/retention/api/loyalty/accounts/x");
        feature(features, "Loyalty report", "/admin/retention/api/reports/loyalty");
        feature(features, "Campaigns and flows", "/admin/retention/api/reports/campaigns");
        feature(features, "Referrals", "/admin/retention/api/reports/referrals");
        feature(features, "NPS and feedback", "/admin/retention/api/reports/nps");
        feature(features, "Recommendations", "/admin/retention/api/reports/recommendations");
        feature(features, "Segments", "/admin/retention/api/segments");
        feature(features, "Programme settings", "/admin/retention/api/settings/loyalty");
        return features;
    }

    private void feature(List<Capability> features, String name, String path) {
        boolean available = endpoints.get(path);
        features.add(new Capability(name, available, available ? "installed" : "not installed yet (" + path + ")"));
    }
}
