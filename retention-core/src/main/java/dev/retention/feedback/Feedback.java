package dev.retention.feedback;

import dev.retention.engage.AdminNotifications;
import dev.retention.engage.Flow;
import dev.retention.engage.FlowStarter;
import dev.retention.engage.SignedLinks;
import dev.retention.engage.SurveyInvitations;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.Problems.FieldException;
import dev.retention.support.UtcTime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * NPS and short surveys: invitations reachable by a signed link (from e-mail or the storefront), one answer per
 * invitation, detractor alerts for the staff, and a promoter follow-up (the referral invitation flow, which also
 * asks for a public review).
 */
public class Feedback implements SurveyInvitations {

    private static final Logger log = LoggerFactory.getLogger(Feedback.class);

    /** Options accepted for the choice question ("what mattered most"). */
    public static final Set<String> CHOICES = Set.of("price", "quality", "delivery", "service", "range", "other");

    /** Settings. {@code alertEmail} null: detractors are only listed, not mailed. */
    public record Settings(String pagePath, String alertEmail, boolean promoterFollowUp) {
    }

    /** What a survey link shows. */
    public record Invitation(String invitationId, String customerId, String orderId, String kind, Instant invitedAt,
            boolean answered) {
    }

    private final JdbcClient jdbc;
    private final SignedLinks links;
    private final Clock clock;
    private final Optional<FlowStarter> flows;
    private final Optional<AdminNotifications> notifications;
    private final Settings settings;
    private final String insertInvitation;
    private final String insertAnswer;
    private final boolean keyFirst;

    public Feedback(JdbcClient jdbc, DatabaseVendor vendor, SignedLinks links, Clock clock,
            Optional<FlowStarter> flows, Optional<AdminNotifications> notifications, Settings settings) {
        this.jdbc = jdbc;
        this.links = links;
        this.clock = clock;
        this.flows = flows;
        this.notifications = notifications;
        this.settings = settings;
        this.insertInvitation = vendor.insertIgnoring("rtn_feedback_invitation",
                "invitation_id, customer_id, order_id, kind, invited_at", "invitation_id");
        this.insertAnswer = vendor.insertIgnoring("rtn_feedback_answer", "invitation_id, customer_id, order_id, kind,"
                + " score, category, rating, choice, comment, answered_at, alert_status", "invitation_id");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
    }

    /** Creates (or finds) the NPS invitation for an order and returns its signed token. */
    public String invite(String customerId, String orderId, Instant at) {
        String id = "nps:" + customerId + ":" + (orderId == null ? at.toEpochMilli() : orderId);
        var statement = jdbc.sql(insertInvitation);
        if (keyFirst) {
            statement = statement.param(id);
        }
        statement.param(id).param(customerId).param(orderId).param("NPS").param(UtcTime.toColumn(at)).update();
        return links.sign("f", id);
    }

    @Override
    public String npsUrl(String customerId, String orderId, Instant invitedAt, int score) {
        String token = invite(customerId, orderId, invitedAt);
        return links.url(settings.pagePath() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&score=" + score);
    }

    /** The invitation behind a token; 404 for an unknown or forged token. */
    public Invitation invitation(String token) {
        String id = links.verify(token, "f").map(f -> f.get(1))
                .orElseThrow(() -> new NoSuchElementException("No survey for this link"));
        return jdbc.sql("SELECT invitation_id, customer_id, order_id, kind, invited_at, answered_at"
                        + " FROM rtn_feedback_invitation WHERE invitation_id = ?")
                .param(id)
                .query((rs, n) -> new Invitation(rs.getString("invitation_id"), rs.getString("customer_id"),
                        rs.getString("order_id"), rs.getString("kind"), UtcTime.read(rs, "invited_at"),
                        rs.getObject("answered_at") != null))
                .optional()
                .orElseThrow(() -> new NoSuchElementException("No survey for this link"));
    }

    /**
     * Records the one answer of an invitation. Refused: unknown token (404), already answered (409), score outside
     * 0-10, rating outside 1-5, unknown choice or a comment over 2000 characters (400 naming the field).
     */
    public FeedbackAnswer answer(String token, Integer score, Integer rating, String choice, String comment) {
        Invitation invitation = invitation(token);
        if (invitation.kind().equals("NPS") && score == null) {
            throw new FieldException(400, "Invalid answer", "score", "score: is required");
        }
        if (score != null && (score < 0 || score > 10)) {
            throw new FieldException(400, "Invalid answer", "score", "score: must be between 0 and 10");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new FieldException(400, "Invalid answer", "rating", "rating: must be between 1 and 5");
        }
        if (choice != null && !CHOICES.contains(choice)) {
            throw new FieldException(400, "Invalid answer", "choice", "choice: must be one of " + CHOICES);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw new FieldException(400, "Invalid answer", "comment", "comment: must be at most 2000 characters");
        }
        Instant at = clock.instant();
        NpsCategory category = score == null ? null : NpsCategory.of(score);
        var statement = jdbc.sql(insertAnswer);
        if (keyFirst) {
            statement = statement.param(invitation.invitationId());
        }
        int inserted = statement.param(invitation.invitationId()).param(invitation.customerId())
                .param(invitation.orderId()).param(invitation.kind()).param(score)
                .param(category == null ? null : category.name()).param(rating).param(choice).param(text)
                .param(UtcTime.toColumn(at)).param(category == NpsCategory.DETRACTOR ? "OPEN" : null)
                .update();
        if (inserted == 0) {
            throw new FieldException(409, "Already answered", "token", "token: this survey was already answered");
        }
        jdbc.sql("UPDATE rtn_feedback_invitation SET answered_at = ? WHERE invitation_id = ?")
                .params(UtcTime.toColumn(at), invitation.invitationId())
                .update();
        FeedbackAnswer answer = new FeedbackAnswer(invitation.invitationId(), invitation.customerId(),
                invitation.orderId(), invitation.kind(), score, category, rating, choice, text, at,
                category == NpsCategory.DETRACTOR ? "OPEN" : null);
        log.info("feedback.answered invitation={} customerId={} score={} category={}", invitation.invitationId(),
                invitation.customerId(), score, category);
        if (category == NpsCategory.DETRACTOR && settings.alertEmail() != null && notifications.isPresent()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("score", score);
            model.put("customerId", invitation.customerId());
            model.put("orderId", invitation.orderId() == null ? "-" : invitation.orderId());
            model.put("comment", text == null ? "-" : text);
            model.put("rating", rating == null ? "-" : rating);
            model.put("choice", choice == null ? "-" : choice);
            model.put("subjectArgs", new Object[] {String.valueOf(score), invitation.customerId()});
            notifications.get().notify("detractor-alert", "detractorAlert", invitation.invitationId(),
                    invitation.customerId(), settings.alertEmail(), model, at);
        }
        if (category == NpsCategory.PROMOTER && settings.promoterFollowUp() && flows.isPresent()) {
            flows.get().start(Flow.REFERRAL_INVITATION, invitation.customerId(), invitation.invitationId(), at);
        }
        return answer;
    }

    /** Detractor answers waiting for (or handled by) the staff, newest first. */
    public List<FeedbackAnswer> alerts(String status, int limit) {
        return jdbc.sql("SELECT * FROM rtn_feedback_answer WHERE alert_status = ? ORDER BY answered_at DESC")
                .param(status)
                .withMaxRows(limit)
                .query((rs, n) -> FeedbackReports.map(rs))
                .list();
    }

    /** Marks a detractor alert handled; returns false when there is no open alert for the invitation. */
    public boolean handleAlert(String invitationId, String actor) {
        return jdbc.sql("UPDATE rtn_feedback_answer SET alert_status = 'HANDLED', alert_handled_by = ?"
                        + " WHERE invitation_id = ? AND alert_status = 'OPEN'")
                .params(actor, invitationId)
                .update() == 1;
    }
}
