package dev.retention.engage;

import java.time.Instant;

/** A message as the outbox holds it (bodies left out). */
public record OutboxMessage(long id, String messageId, String flow, int step, String variant, String customerId,
        String channel, String recipient, String locale, String subject, MessageStatus status, String reason,
        Instant decidedAt, int attempts, Instant sentAt, Instant openedAt, Instant clickedAt) {
}
