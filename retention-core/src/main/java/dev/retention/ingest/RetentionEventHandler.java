package dev.retention.ingest;

import dev.retention.host.RetentionEvent;

/**
 * A feature's reaction to host events. Handlers run inside the inbox worker's transaction, in business-time
 * order; throwing rolls the event back and schedules a retry. Handlers must be idempotent with respect to the
 * event id: after a crash between handling and marking the event processed, it is handled again.
 */
public interface RetentionEventHandler {

    /** Whether this handler wants events of this type; checked once per type. */
    boolean handles(Class<? extends RetentionEvent> type);

    /** React to the event. Evaluate every rule at {@code event.occurredAt()}, never at the wall clock. */
    void handle(RetentionEvent event);
}
