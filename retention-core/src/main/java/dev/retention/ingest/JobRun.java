package dev.retention.ingest;

import java.time.Duration;
import java.time.Instant;

/** One run of a {@link RetentionJob}. {@code status} is RUNNING, SUCCEEDED or FAILED. */
public record JobRun(long id, String jobName, Instant startedAt, Instant finishedAt, String status, long items,
        String message) {

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
