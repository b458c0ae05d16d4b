package dev.retention.engage.internal;

import dev.retention.privacy.PersonalDataHandler;
import dev.retention.support.UtcTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engagement's share of export and erasure: messages (address, subject and bodies are erased; the rows stay so
 * sent/converted counts still add up), the saved cart and unsubscribes (kept: an erased customer must stay
 * unsubscribed, and holds no personal text).
 */
public class EngagePersonalData implements PersonalDataHandler {

    private final JdbcClient jdbc;

    public EngagePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "engagement";
    }

    @Override
    public Map<String, Object> export(String customerId) {
        Map<String, Object> section = new LinkedHashMap<>();
        List<Map<String, Object>> messages = jdbc.sql("SELECT message_id, flow, step, recipient, subject, status,"
                        + " decided_at, sent_at, opened_at, clicked_at FROM rtn_engage_message WHERE customer_id = ?"
                        + " ORDER BY decided_at, id")
                .param(customerId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("messageId", rs.getString("message_id"));
                    row.put("flow", rs.getString("flow"));
                    row.put("step", rs.getInt("step"));
                    row.put("recipient", rs.getString("recipient"));
                    row.put("subject", rs.getString("subject"));
                    row.put("status", rs.getString("status"));
                    row.put("decidedAt", String.valueOf(UtcTime.read(rs, "decided_at")));
                    Instant sent = UtcTime.read(rs, "sent_at");
                    row.put("sentAt", sent == null ? null : sent.toString());
                    Instant opened = UtcTime.read(rs, "opened_at");
                    row.put("openedAt", opened == null ? null : opened.toString());
                    Instant clicked = UtcTime.read(rs, "clicked_at");
                    row.put("clickedAt", clicked == null ? null : clicked.toString());
                    return row;
                })
                .list();
        section.put("messages", messages);
        section.put("unsubscribed", jdbc.sql("SELECT flow, channel FROM rtn_engage_unsubscribe WHERE customer_id = ?"
                        + " ORDER BY flow, channel")
                .param(customerId)
                .query((rs, n) -> rs.getString("flow") + "/" + rs.getString("channel"))
                .list());
        section.put("cart", jdbc.sql("SELECT cart_lines FROM rtn_engage_cart WHERE customer_id = ?")
                .param(customerId).query(String.class).optional().orElse(null));
        return section;
    }

    @Override
    public void erase(String customerId, Instant erasedAt) {
        jdbc.sql("UPDATE rtn_engage_message SET recipient = NULL, subject = NULL, html_body = NULL, text_body = NULL,"
                        // reason before status: MariaDB applies assignments left to right
                        + " headers = NULL, reason = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'erased'"
                        + " ELSE reason END, status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'SUPPRESSED'"
                        + " ELSE status END WHERE customer_id = ?")
                .param(customerId)
                .update();
        jdbc.sql("DELETE FROM rtn_engage_cart WHERE customer_id = ?").param(customerId).update();
    }
}
