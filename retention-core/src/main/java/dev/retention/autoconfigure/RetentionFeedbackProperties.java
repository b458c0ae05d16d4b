package dev.retention.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feedback and NPS surveys, under {@code retention.feedback.*}.
 *
 * @param enabled           whether surveys are offered (review-request e-mails carry the NPS scale)
 * @param pagePath          the host's survey page; e-mail links open {@code <base-url><page-path>?token=..&score=..}
 *                          and the page posts the answer to {@code /retention/api/feedback/{token}}
 * @param alertEmail        staff address that receives detractor alerts (unset: alerts are only listed)
 * @param promoterFollowUp  whether promoters get the referral invitation flow (which also asks for a review)
 */
@ConfigurationProperties("retention.feedback")
public record RetentionFeedbackProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("/feedback") String pagePath, String alertEmail,
        @DefaultValue("true") boolean promoterFollowUp) {
}
