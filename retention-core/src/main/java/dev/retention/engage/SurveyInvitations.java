package dev.retention.engage;

import java.time.Instant;

/**
 * Hook the feedback feature provides: links that answer an NPS survey about an order from inside an e-mail. One
 * invitation per customer and order; every score link of it carries the same invitation.
 */
public interface SurveyInvitations {

    /** A signed link that opens the survey for this order with {@code score} (0-10) pre-selected. */
    String npsUrl(String customerId, String orderId, Instant invitedAt, int score);
}
