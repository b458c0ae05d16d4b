package dev.retention.engage.internal;

import dev.retention.host.OrderPlaced;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives an order to the message that most plausibly caused it: the last one the customer clicked within the
 * window, else the last one sent (or held out, for the control group) within the window.
 */
public class Attribution {

    private record Candidate(String messageId, String flow, String variant, boolean holdout) {
    }

    private final JdbcClient jdbc;
    private final Duration window;
    private final String insert;
    private final boolean keyFirst;

    public Attribution(JdbcClient jdbc, DatabaseVendor vendor, Duration window) {
        this.jdbc = jdbc;
        this.window = window;
        this.insert = vendor.insertIgnoring("rtn_engage_conversion",
                "order_id, message_id, flow, variant, holdout, revenue, converted_at", "order_id");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
    }

    public void attribute(OrderPlaced order) {
        Instant at = order.occurredAt();
        Instant from = at.minus(window);
        Optional<Candidate> candidate = jdbc.sql("SELECT message_id, flow, variant, status FROM rtn_engage_message"
                        + " WHERE customer_id = ? AND clicked_at IS NOT NULL AND clicked_at > ? AND clicked_at <= ?"
                        + " ORDER BY clicked_at DESC, id DESC")
                .params(order.customerId(), UtcTime.toColumn(from), UtcTime.toColumn(at))
                .withMaxRows(1)
                .query((rs, n) -> new Candidate(rs.getString("message_id"), rs.getString("flow"),
                        rs.getString("variant"), false))
                .optional();
        if (candidate.isEmpty()) {
            candidate = jdbc.sql("SELECT message_id, flow, variant, status FROM rtn_engage_message"
                            + " WHERE customer_id = ? AND status IN ('PENDING', 'SENDING', 'SENT', 'HOLDOUT')"
                            + " AND decided_at > ? AND decided_at <= ? ORDER BY decided_at DESC, id DESC")
                    .params(order.customerId(), UtcTime.toColumn(from), UtcTime.toColumn(at))
                    .withMaxRows(1)
                    .query((rs, n) -> new Candidate(rs.getString("message_id"), rs.getString("flow"),
                            rs.getString("variant"), "HOLDOUT".equals(rs.getString("status"))))
                    .optional();
        }
        if (candidate.isEmpty()) {
            return;
        }
        Candidate c = candidate.get();
        var statement = jdbc.sql(insert);
        if (keyFirst) {
            statement = statement.param(order.orderId());
        }
        statement.param(order.orderId()).param(c.messageId()).param(c.flow()).param(c.variant()).param(c.holdout())
                .param(order.baseTotals().netMerchandise()).param(UtcTime.toColumn(at)).update();
    }
}
