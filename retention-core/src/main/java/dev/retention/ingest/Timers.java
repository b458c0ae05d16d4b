package dev.retention.ingest;

import java.time.Instant;

/**
 * Schedules business-time work. A timer is identified by (kind, key): scheduling the same pair again moves a
 * pending timer to the new due time instead of adding a second one, so handlers can schedule from replayed
 * events without duplicates. Timers fire when the business clock passes {@code dueAt}: either the wall clock,
 * or the {@code occurredAt} of the next event being processed, whichever comes first.
 */
public interface Timers {

    void schedule(String kind, String key, Instant dueAt, String payload);

    /** Cancels a pending timer; a no-op when there is none. */
    void cancel(String kind, String key);
}
