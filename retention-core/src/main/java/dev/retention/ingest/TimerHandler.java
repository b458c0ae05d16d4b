package dev.retention.ingest;

/**
 * Fires the timers of one kind. Runs in its own transaction; throwing rolls back and retries the timer later
 * (after {@code retention.inbox.max-attempts} it is marked failed and shown on the operations page).
 */
public interface TimerHandler {

    /** The timer kind this handler fires, e.g. {@code loyalty.confirm-points}. */
    String kind();

    /** Do the work; evaluate rules at {@code timer.dueAt()}. */
    void fire(Timer timer);
}
