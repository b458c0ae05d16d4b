package dev.retention.loyalty;

import java.time.Instant;

/** One line of a shopper's tier history. */
public record TierChange(String fromTier, String toTier, Instant changedAt, String reason) {
}
