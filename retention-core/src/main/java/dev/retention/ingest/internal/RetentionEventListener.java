package dev.retention.ingest.internal;

import dev.retention.host.RetentionEvent;
import dev.retention.ingest.RetentionEvents;
import org.springframework.context.event.EventListener;

/**
 * Lets a host publish events the Spring way: {@code applicationEventPublisher.publishEvent(new OrderPlaced(...))}.
 * Same semantics as {@link RetentionEvents#publish}: stored in the caller's transaction, never throws because of
 * Retention Kit's processing.
 */
public class RetentionEventListener {

    private final RetentionEvents events;

    public RetentionEventListener(RetentionEvents events) {
        this.events = events;
    }

    @EventListener
    public void on(RetentionEvent event) {
        events.publish(event);
    }
}
