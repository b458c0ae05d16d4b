package dev.retention.loyalty;

import java.time.Instant;

/** Points will expire soon (published once per lot, {@code warningDays} ahead) so a reminder can be sent. */
public record PointsExpiring(String customerId, long points, Instant expiresAt, long balance) {
}
