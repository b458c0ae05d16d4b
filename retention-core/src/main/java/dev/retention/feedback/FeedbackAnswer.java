package dev.retention.feedback;

import java.time.Instant;

/**
 * One answer to an invitation.
 *
 * @param score       NPS 0-10 (null for a survey without the NPS question)
 * @param rating      satisfaction 1-5 (CSAT), optional
 * @param choice      the option picked in a choice question, optional
 * @param comment     free text, optional (erased with the customer's data)
 * @param alertStatus for detractors: {@code OPEN} until an admin handles it, then {@code HANDLED}
 */
public record FeedbackAnswer(String invitationId, String customerId, String orderId, String kind, Integer score,
        NpsCategory category, Integer rating, String choice, String comment, Instant answeredAt, String alertStatus) {
}
