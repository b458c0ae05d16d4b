package dev.retention.feedback.internal;

import dev.retention.privacy.PersonalDataHandler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Feedback's share of export and erasure: comments are erased, scores and ratings stay so NPS still adds up. */
public class FeedbackPersonalData implements PersonalDataHandler {

    private final JdbcClient jdbc;

    public FeedbackPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "feedback";
    }

    @Override
    public Map<String, Object> export(String customerId) {
        List<Map<String, Object>> answers = jdbc.sql("SELECT invitation_id, order_id, kind, score, rating, choice,"
                        + " comment, answered_at FROM rtn_feedback_answer WHERE customer_id = ? ORDER BY answered_at")
                .param(customerId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("invitationId", rs.getString("invitation_id"));
                    row.put("orderId", rs.getString("order_id"));
                    row.put("kind", rs.getString("kind"));
                    row.put("score", rs.getObject("score", Integer.class));
                    row.put("rating", rs.getObject("rating", Integer.class));
                    row.put("choice", rs.getString("choice"));
                    row.put("comment", rs.getString("comment"));
                    row.put("answeredAt", String.valueOf(dev.retention.support.UtcTime.read(rs, "answered_at")));
                    return row;
                })
                .list();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("answers", answers);
        section.put("invitations", jdbc.sql("SELECT COUNT(*) FROM rtn_feedback_invitation WHERE customer_id = ?")
                .param(customerId).query(Long.class).single());
        return section;
    }

    @Override
    public void erase(String customerId, Instant erasedAt) {
        jdbc.sql("UPDATE rtn_feedback_answer SET comment = NULL WHERE customer_id = ?").param(customerId).update();
    }
}
