package dev.retention.ingest;

/** Where an event stands in the inbox. */
public enum InboxStatus {
    /** Waiting to be processed, or waiting for its next retry. */
    PENDING,
    /** Handled by every handler. */
    PROCESSED,
    /** Failed too often (or its predecessor never came); needs an admin to look and retry. */
    PARKED
}
