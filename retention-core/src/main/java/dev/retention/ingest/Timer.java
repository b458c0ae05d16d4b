package dev.retention.ingest;

import java.time.Instant;

/**
 * A piece of business-time work that is due at {@link #dueAt()}: a pending-points confirmation, an expiry, a
 * message step. When it fires, {@code dueAt} is the business time its rules are evaluated at.
 */
public record Timer(long id, String kind, String key, Instant dueAt, String payload, int attempts) {
}
