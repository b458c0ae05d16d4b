package dev.retention.loyalty;

import java.time.Instant;

/** The cached state of an account; {@code balance} may be negative only through debt. */
public record LoyaltyAccount(String customerId, long balance, long pending, long debt, long shortfall, String tier,
        Instant tierSince, long version, Instant createdAt, Instant lastActivityAt) {
}
