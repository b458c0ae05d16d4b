package dev.retention.ingest;

/** What {@link RetentionEvents#publish} did with an event. */
public enum PublishResult {
    /** Stored; it will be processed shortly. */
    ACCEPTED,
    /** An event with this id was stored before; nothing changed. */
    DUPLICATE,
    /** The inbox could not be written (database down); the event is held in memory and stored on a later try. */
    DEFERRED
}
