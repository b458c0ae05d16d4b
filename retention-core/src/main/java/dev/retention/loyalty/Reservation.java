package dev.retention.loyalty;

import java.time.Instant;

/** Points held for a checkout; status RESERVED, COMMITTED or RELEASED. */
public record Reservation(String checkoutId, String customerId, int generation, String status, long points,
        String rewardId, String grantId, String discount, Instant createdAt, Instant expiresAt, String orderId) {
}
