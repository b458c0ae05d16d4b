package dev.retention.audit;

import java.time.Instant;

/**
 * One admin action. {@code before} and {@code after} are JSON documents (null where not applicable).
 *
 * @param entity   what was changed, e.g. {@code loyalty-account}, {@code settings:tiers}, {@code inbox-event}
 * @param entityId which one, e.g. the customer id
 * @param action   what was done, e.g. {@code adjust}, {@code update}, {@code erase}, {@code retry}
 */
public record AuditEntry(long id, Instant at, String actor, String entity, String entityId, String action,
        String reason, String before, String after) {
}
