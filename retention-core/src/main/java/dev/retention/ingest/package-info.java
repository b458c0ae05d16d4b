/**
 * Event ingestion: the inbox every host event goes through, business-time timers and scheduled jobs.
 *
 * <p>{@link dev.retention.ingest.RetentionEvents#publish} stores an event keyed by its id (a duplicate is a counted
 * no-op) in the caller's transaction and returns at once; a background worker hands stored events, in business-time
 * order, to every {@link dev.retention.ingest.RetentionEventHandler}. A handler that throws is retried with
 * exponential back-off and finally parked, visible to the admin, without the publisher ever seeing the failure.
 * Before each event the worker fires the {@link dev.retention.ingest.Timers timers} due before its
 * {@code occurredAt}, so replaying past history produces exactly the state live traffic would have.
 */
package dev.retention.ingest;
