package dev.retention.ingest;

import java.time.Instant;

/** An event as the inbox holds it, for the admin operations page. The payload is not included. */
public record InboxEntry(long sequence, String eventId, String eventType, String customerId, Instant occurredAt,
        Instant receivedAt, InboxStatus status, int attempts, Instant nextAttemptAt, Instant processedAt,
        String lastError) {
}
