package dev.retention.ingest;

import dev.retention.ingest.internal.DatabaseLocks;
import dev.retention.support.UtcTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs {@link RetentionJob}s on their interval and on demand, one node at a time, recording every run in
 * rtn_job_run for the operations page.
 */
public class RetentionJobs {

    private static final Logger log = LoggerFactory.getLogger(RetentionJobs.class);

    private final Map<String, RetentionJob> jobs = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final DatabaseLocks locks;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, long[]> progress = new ConcurrentHashMap<>();

    /** A job with its last run and, while it runs, its progress. */
    public record JobStatus(String name, Duration interval, Optional<JobRun> lastRun, boolean running, long done,
            long total) {
    }

    public RetentionJobs(List<RetentionJob> jobs, JdbcClient jdbc, DatabaseLocks locks, Clock clock,
            ExecutorService executor) {
        for (RetentionJob job : jobs) {
            if (this.jobs.put(job.name(), job) != null) {
                throw new IllegalStateException("Two retention jobs named '" + job.name() + "'");
            }
        }
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.executor = executor;
    }

    public List<JobStatus> statuses() {
        List<JobStatus> statuses = new ArrayList<>();
        for (RetentionJob job : jobs.values()) {
            long[] p = progress.get(job.name());
            statuses.add(new JobStatus(job.name(), job.interval(), lastRun(job.name()), p != null,
                    p == null ? 0 : p[0], p == null ? 0 : p[1]));
        }
        return statuses;
    }

    public List<JobRun> recentRuns(String name, int limit) {
        return jdbc.sql("SELECT id, job_name, started_at, finished_at, status, items, message FROM rtn_job_run"
                        + " WHERE job_name = ? ORDER BY started_at DESC, id DESC")
                .param(name)
                .withMaxRows(limit)
                .query((rs, n) -> new JobRun(rs.getLong("id"), rs.getString("job_name"),
                        UtcTime.read(rs, "started_at"), UtcTime.read(rs, "finished_at"), rs.getString("status"),
                        rs.getLong("items"), rs.getString("message")))
                .list();
    }

    public Optional<JobRun> lastRun(String name) {
        return recentRuns(name, 1).stream().findFirst();
    }

    /** Starts the job in the background now; refused with {@link NoSuchElementException} for an unknown name. */
    public void runNow(String name) {
        RetentionJob job = job(name);
        executor.execute(() -> runGuarded(job));
    }

    /** Runs the job on the calling thread and returns the recorded run (empty if another node holds it). */
    public Optional<JobRun> runBlocking(String name) {
        return runGuarded(job(name));
    }

    /** Runs every periodic job whose interval has passed since its last start; called by the worker. */
    public void runDue() {
        Instant now = clock.instant();
        for (RetentionJob job : jobs.values()) {
            if (job.interval().isZero() || progress.containsKey(job.name())) {
                continue;
            }
            Optional<JobRun> last = lastRun(job.name());
            if (last.isEmpty() || !last.get().startedAt().plus(job.interval()).isAfter(now)) {
                runGuarded(job);
            }
        }
    }

    private RetentionJob job(String name) {
        RetentionJob job = jobs.get(name);
        if (job == null) {
            throw new NoSuchElementException("No retention job named '" + name + "'; known: " + jobs.keySet());
        }
        return job;
    }

    private Optional<JobRun> runGuarded(RetentionJob job) {
        String lock = "retention.job." + job.name();
        if (progress.putIfAbsent(job.name(), new long[2]) != null) {
            return Optional.empty();
        }
        try {
            if (!locks.tryAcquire(lock, Duration.ofHours(1))) {
                return Optional.empty();
            }
            try {
                return Optional.of(record(job));
            } finally {
                locks.release(lock);
            }
        } finally {
            progress.remove(job.name());
        }
    }

    private JobRun record(RetentionJob job) {
        Instant started = clock.instant();
        jdbc.sql("INSERT INTO rtn_job_run (job_name, started_at, status, items) VALUES (?, ?, 'RUNNING', 0)")
                .params(job.name(), UtcTime.toColumn(started))
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM rtn_job_run WHERE job_name = ?").param(job.name())
                .query(Long.class).single();
        String status = "SUCCEEDED";
        String message = null;
        long items = 0;
        try {
            items = job.run((done, total) -> progress.put(job.name(), new long[] {done, total}));
        } catch (RuntimeException e) {
            status = "FAILED";
            message = e.toString();
            log.error("job.failed name={} error={}", job.name(), e.toString(), e);
        }
        Instant finished = clock.instant();
        jdbc.sql("UPDATE rtn_job_run SET finished_at = ?, status = ?, items = ?, message = ? WHERE id = ?")
                .params(UtcTime.toColumn(finished), status, items, message, id)
                .update();
        log.info("job.finished name={} status={} items={} ms={}", job.name(), status, items,
                Duration.between(started, finished).toMillis());
        return new JobRun(id, job.name(), started, finished, status, items, message);
    }
}
