package dev.retention.referral;

import java.time.Instant;

/** A friend who signed up with a referrer's code; status SIGNED_UP, ORDERED, REWARDED or REFUSED. */
public record Referral(String friendId, String referrerId, String code, String status, String refusedReason,
        Instant signedUpAt, String firstOrderId, Instant orderedAt, Instant rewardedAt, long referrerPoints) {
}
