package dev.retention.ingest;

/**
 * Thrown by a handler when the event depends on an earlier fact that has not arrived yet (a refund before the
 * order it refunds). The inbox keeps the event and tries again shortly, without counting a failure, until
 * {@code retention.inbox.predecessor-timeout} has passed since it was received; then it is parked.
 */
public class AwaitingPredecessorException extends RuntimeException {

    public AwaitingPredecessorException(String message) {
        super(message);
    }
}
