package dev.retention.ingest.web;

import dev.retention.admin.AdminActor;
import dev.retention.audit.AuditLog;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.InboxEntry;
import dev.retention.ingest.InboxStats;
import dev.retention.ingest.InboxStatus;
import dev.retention.ingest.JobRun;
import dev.retention.ingest.RetentionJobs;
import dev.retention.support.Problems;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inbox health, parked events and retries; scheduled jobs and "run now". */
@RestController
@RequestMapping("/admin/retention/api")
public class InboxAdminController {

    private final Inbox inbox;
    private final RetentionJobs jobs;
    private final AuditLog audit;

    public InboxAdminController(Inbox inbox, RetentionJobs jobs, AuditLog audit) {
        this.inbox = inbox;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** A page of inbox entries with the overall counts. */
    public record InboxPage(InboxStats stats, String status, int page, int size, List<InboxEntry> items) {
    }

    @GetMapping("/inbox")
    public InboxPage inbox(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        InboxStatus filter = parseStatus(status);
        return new InboxPage(inbox.stats(), filter == null ? null : filter.name().toLowerCase(Locale.ROOT), page, size,
                inbox.list(filter, page, size));
    }

    @PostMapping("/inbox/{eventId}/retry")
    @Transactional
    public ResponseEntity<InboxEntry> retry(@PathVariable String eventId, Principal principal) {
        InboxEntry entry = inbox.find(eventId)
                .orElseThrow(() -> new NoSuchElementException("No event with id '" + eventId + "' in the inbox"));
        if (entry.status() != InboxStatus.PARKED) {
            throw new Problems.FieldException(409, "Not parked", "eventId",
                    "eventId: event '" + eventId + "' is " + entry.status() + "; only parked events can be retried");
        }
        inbox.retry(eventId, AdminActor.of(principal));
        audit.record(AdminActor.of(principal), "inbox-event", eventId, "retry", null, entry.lastError(), null);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(inbox.find(eventId).orElseThrow());
    }

    @GetMapping("/jobs")
    public List<RetentionJobs.JobStatus> jobs() {
        return jobs.statuses();
    }

    @GetMapping("/jobs/{name}/runs")
    public List<JobRun> runs(@PathVariable String name, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit: must be between 1 and 200, was " + limit);
        }
        return jobs.recentRuns(name, limit);
    }

    @PostMapping("/jobs/{name}/run")
    public ResponseEntity<Void> run(@PathVariable String name, Principal principal) {
        jobs.runNow(name);
        audit.record(AdminActor.of(principal), "job", name, "run", null, null, null);
        return ResponseEntity.accepted().build();
    }

    private static InboxStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return InboxStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: must be one of pending, processed, parked; was '" + status
                    + "'");
        }
    }
}
