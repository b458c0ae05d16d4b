package dev.retention.ingest.internal;

import dev.retention.ingest.InboxEntry;
import dev.retention.ingest.InboxStats;
import dev.retention.ingest.InboxStatus;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rtn_inbox table. */
public class InboxStore {

    private static final String COLUMNS = "event_id, event_type, customer_id, occurred_at, received_at, payload, "
            + "status, attempts, next_attempt_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DatabaseVendor vendor;
    private final String insertSql;

    public InboxStore(JdbcTemplate template, DatabaseVendor vendor) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.vendor = vendor;
        this.insertSql = vendor.insertIgnoring("rtn_inbox", COLUMNS, "event_id");
    }

    /** A stored event waiting for processing. */
    public record Stored(long seq, String eventId, String type, String payload, Instant occurredAt,
            Instant receivedAt, int attempts) {
    }

    /** A row to insert. */
    public record NewEvent(String eventId, String type, String customerId, Instant occurredAt, String payload) {
    }

    /** Inserts the events that are not there yet; returns, per event, whether it was inserted. */
    public boolean[] insert(List<NewEvent> events, Instant now) {
        int[][] counts = template.batchUpdate(insertSql, events, 500, (ps, e) -> bind(ps, e, now));
        boolean[] inserted = new boolean[events.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                // MariaDB's batch rewriting may report SUCCESS_NO_INFO (-2); the caller then checks existence.
                inserted[i++] = count != 0;
            }
        }
        return inserted;
    }

    private void bind(PreparedStatement ps, NewEvent e, Instant now) throws SQLException {
        int i = 1;
        if (vendor.insertIgnoringBindsKeyFirst()) {
            ps.setString(i++, e.eventId());
        }
        ps.setString(i++, e.eventId());
        ps.setString(i++, e.type());
        ps.setString(i++, e.customerId());
        ps.setObject(i++, UtcTime.toColumn(e.occurredAt()));
        ps.setObject(i++, UtcTime.toColumn(now));
        ps.setString(i++, e.payload());
        ps.setString(i++, InboxStatus.PENDING.name());
        ps.setInt(i++, 0);
        ps.setObject(i, UtcTime.toColumn(now));
    }

    public List<Stored> due(Instant now, int limit) {
        return jdbc.sql("SELECT seq, event_id, event_type, payload, occurred_at, received_at, attempts FROM rtn_inbox"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY occurred_at, seq")
                .param(UtcTime.toColumn(now))
                .withMaxRows(limit)
                .query((rs, n) -> stored(rs))
                .list();
    }

    public void markProcessed(List<Long> seqs, Instant now) {
        template.batchUpdate("UPDATE rtn_inbox SET status = 'PROCESSED', processed_at = ?, attempts = attempts + 1,"
                + " last_error = NULL WHERE seq = ?", seqs, 500, (ps, seq) -> {
                    ps.setObject(1, UtcTime.toColumn(now));
                    ps.setLong(2, seq);
                });
    }

    public void markFailed(long seq, int attempts, Instant nextAttempt, String error, boolean park) {
        jdbc.sql("UPDATE rtn_inbox SET attempts = ?, next_attempt_at = ?, last_error = ?, status = ? WHERE seq = ?")
                .params(attempts, UtcTime.toColumn(nextAttempt), truncate(error),
                        (park ? InboxStatus.PARKED : InboxStatus.PENDING).name(), seq)
                .update();
    }

    public void defer(long seq, Instant nextAttempt, String reason) {
        jdbc.sql("UPDATE rtn_inbox SET next_attempt_at = ?, last_error = ? WHERE seq = ?")
                .params(UtcTime.toColumn(nextAttempt), truncate(reason), seq)
                .update();
    }

    public boolean retry(String eventId, Instant now) {
        return jdbc.sql("UPDATE rtn_inbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?"
                        + " WHERE event_id = ? AND status = 'PARKED'")
                .params(UtcTime.toColumn(now), eventId)
                .update() == 1;
    }

    public boolean exists(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_inbox WHERE event_id = ?").param(eventId)
                .query(Long.class).single() > 0;
    }

    public List<InboxEntry> list(InboxStatus status, int offset, int limit) {
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        return jdbc.sql("SELECT seq, event_id, event_type, customer_id, occurred_at, received_at, status, attempts,"
                        + " next_attempt_at, processed_at, last_error FROM rtn_inbox" + where
                        + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query((rs, n) -> entry(rs))
                .list();
    }

    public Optional<InboxEntry> find(String eventId) {
        return jdbc.sql("SELECT seq, event_id, event_type, customer_id, occurred_at, received_at, status, attempts,"
                        + " next_attempt_at, processed_at, last_error FROM rtn_inbox WHERE event_id = ?")
                .param(eventId)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    public InboxStats stats() {
        return jdbc.sql("SELECT"
                        + " SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending,"
                        + " SUM(CASE WHEN status = 'PROCESSED' THEN 1 ELSE 0 END) AS processed,"
                        + " SUM(CASE WHEN status = 'PARKED' THEN 1 ELSE 0 END) AS parked,"
                        + " SUM(CASE WHEN status = 'PENDING' AND attempts > 0 THEN 1 ELSE 0 END) AS retrying"
                        + " FROM rtn_inbox")
                .query((rs, n) -> new InboxStats(rs.getLong("pending"), rs.getLong("processed"),
                        rs.getLong("parked"), rs.getLong("retrying")))
                .single();
    }

    /** Payloads of one customer's events, for erasure. */
    public List<Stored> eventsOf(String customerId) {
        return jdbc.sql("SELECT seq, event_id, event_type, payload, occurred_at, received_at, attempts FROM rtn_inbox"
                        + " WHERE customer_id = ? ORDER BY seq")
                .param(customerId)
                .query((rs, n) -> stored(rs))
                .list();
    }

    public void replacePayload(long seq, String payload) {
        jdbc.sql("UPDATE rtn_inbox SET payload = ? WHERE seq = ?").params(payload, seq).update();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong("seq"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("payload"), UtcTime.read(rs, "occurred_at"), UtcTime.read(rs, "received_at"),
                rs.getInt("attempts"));
    }

    private static InboxEntry entry(ResultSet rs) throws SQLException {
        return new InboxEntry(rs.getLong("seq"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("customer_id"), UtcTime.read(rs, "occurred_at"), UtcTime.read(rs, "received_at"),
                InboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                UtcTime.read(rs, "next_attempt_at"), UtcTime.read(rs, "processed_at"), rs.getString("last_error"));
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
