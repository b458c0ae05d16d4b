package dev.retention.loyalty;

import java.time.Instant;

/** A shopper moved between tiers; published as a Spring application event. {@code null} means no tier. */
public record TierChanged(String customerId, String fromTier, String toTier, Instant changedAt, String reason) {
}
