package dev.retention.audit;

import dev.retention.support.UtcTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records and lists admin actions in rtn_audit. Call {@link #record} in the same transaction as the change. */
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String entity, String entityId, String action, String reason, String before,
            String after) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
        jdbc.sql("INSERT INTO rtn_audit (at, actor, entity, entity_id, action, reason, before_value, after_value)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UtcTime.toColumn(clock.instant()), actor, entity, entityId, action, reason, before, after)
                .update();
    }

    /** Newest first; {@code entity} null lists every entity; {@code entityId} null lists every id. */
    public List<AuditEntry> list(String entity, String entityId, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page/size: page must be >= 0 and size between 1 and 500");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (entity != null) {
            where.append(" AND entity = ?");
            params.add(entity);
        }
        if (entityId != null) {
            where.append(" AND entity_id = ?");
            params.add(entityId);
        }
        params.add(size);
        params.add(page * size);
        return jdbc.sql("SELECT id, at, actor, entity, entity_id, action, reason, before_value, after_value"
                        + " FROM rtn_audit" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), UtcTime.read(rs, "at"), rs.getString("actor"),
                        rs.getString("entity"), rs.getString("entity_id"), rs.getString("action"),
                        rs.getString("reason"), rs.getString("before_value"), rs.getString("after_value")))
                .list();
    }
}
