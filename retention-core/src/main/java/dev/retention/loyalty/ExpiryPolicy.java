package dev.retention.loyalty;

import java.time.Duration;
import java.time.Instant;

/**
 * When points expire.
 *
 * @param mode        NEVER, FIXED (each lot {@code days} after it was earned) or INACTIVITY (every open lot
 *                    {@code days} after the shopper's last earning or redemption)
 * @param days        the period for FIXED and INACTIVITY
 * @param warningDays a {@link PointsExpiring} event is published this many days before a lot expires
 */
public record ExpiryPolicy(Mode mode, int days, int warningDays) {

    public enum Mode { NEVER, FIXED, INACTIVITY }

    public ExpiryPolicy {
        if (mode == null) {
            throw new IllegalArgumentException("expiry.mode: must be NEVER, FIXED or INACTIVITY");
        }
        if (mode != Mode.NEVER && days < 1) {
            throw new IllegalArgumentException("expiry.days: must be at least 1, was " + days);
        }
        if (warningDays < 0 || (mode != Mode.NEVER && warningDays >= days)) {
            throw new IllegalArgumentException("expiry.warningDays: must be between 0 and days - 1");
        }
    }

    /** When a lot earned at {@code earnedAt}, with the shopper last active at {@code lastActivity}, expires. */
    public Instant expiresAt(Instant earnedAt, Instant lastActivity) {
        return switch (mode) {
            case NEVER -> null;
            case FIXED -> earnedAt.plus(Duration.ofDays(days));
            case INACTIVITY -> lastActivity.plus(Duration.ofDays(days));
        };
    }

    /** The expiry for returned points: the original expiry while it has not passed, else a fresh one. */
    public Instant expiryForReturned(Instant originalExpiry, Instant at) {
        if (mode == Mode.NEVER) {
            return null;
        }
        if (originalExpiry != null && originalExpiry.isAfter(at)) {
            return originalExpiry;
        }
        return expiresAt(at, at);
    }

    public Duration warning() {
        return Duration.ofDays(warningDays);
    }
}
