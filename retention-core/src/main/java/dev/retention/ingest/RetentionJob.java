package dev.retention.ingest;

import java.time.Duration;

/**
 * Periodic background work (recomputations, index training, drift checks). Each job runs on one node at a time
 * (database lock), records every run with its duration and outcome, and can be started from the admin console.
 */
public interface RetentionJob {

    /** Stable name, used in the admin API: {@code POST /admin/retention/api/jobs/{name}/run}. */
    String name();

    /** How often to run; {@link Duration#ZERO} means only on demand. */
    Duration interval();

    /** Do the work, reporting progress; the returned count is shown as items processed. */
    long run(JobProgress progress);

    /** Lets a running job tell the operations page how far it got. */
    interface JobProgress {
        void update(long done, long total);
    }
}
