package dev.retention.engage.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The time- and chance-based sending rules, as plain values so they are tested without a database: quiet hours in
 * the customer's zone and the deterministic holdout draw.
 *
 * @param quietStart local time when quiet hours start (e.g. 21:00)
 * @param quietEnd   local time when they end (e.g. 08:00); equal to start means no quiet hours
 */
public record SendingRules(LocalTime quietStart, LocalTime quietEnd) {

    /** When a message due at {@code at} may go out instead, or empty if it may go now. */
    public Optional<Instant> deferQuietHours(Instant at, ZoneId zone) {
        if (quietStart.equals(quietEnd)) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = quietStart.isAfter(quietEnd);
        boolean quiet = wraps ? !time.isBefore(quietStart) || time.isBefore(quietEnd)
                : !time.isBefore(quietStart) && time.isBefore(quietEnd);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(quietEnd);
        if (!end.isAfter(local)) {
            end = local.plusDays(1).with(quietEnd);
        }
        return Optional.of(end.toInstant());
    }

    /**
     * Whether the customer is in the flow's control group for the month of {@code at}: a hash of customer, flow
     * and period, so the draw is the same on every node and in every replay, and rotates monthly.
     */
    public static boolean inHoldout(String customerId, String flow, Instant at, int percent) {
        if (percent <= 0) {
            return false;
        }
        String period = YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
        byte[] hash = sha256(customerId + "|" + flow + "|" + period);
        long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
        return value % 100 < percent;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable Message-ID (without angle brackets) for a decision key. */
    public static String messageId(String decisionKey, String domain) {
        StringBuilder hex = new StringBuilder();
        for (byte b : sha256(decisionKey)) {
            hex.append(String.format("%02x", b));
            if (hex.length() >= 32) {
                break;
            }
        }
        return hex + "@" + domain;
    }
}
