package dev.retention.ingest;

/** Counts of events by status, for the inbox health panel. */
public record InboxStats(long pending, long processed, long parked, long failedAttemptsPending) {
}
