package dev.retention.ingest.internal;

import dev.retention.ingest.Timer;
import dev.retention.ingest.TimerHandler;
import dev.retention.ingest.Timers;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Timers in the rtn_timer table, fired in due order, each in its own transaction. */
public class JdbcTimers implements Timers {

    private static final Logger log = LoggerFactory.getLogger(JdbcTimers.class);
    private static final Instant NEVER = Instant.MAX;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Map<String, TimerHandler> handlers = new HashMap<>();
    private final String insertSql;
    private final boolean keyFirst;
    private final int maxAttempts;
    /** Earliest pending due time known to this node; lets the inbox skip a query per event. */
    private final AtomicReference<Instant> nextDue = new AtomicReference<>(null);

    public JdbcTimers(JdbcClient jdbc, DatabaseVendor vendor, TransactionTemplate tx, List<TimerHandler> handlers,
            int maxAttempts) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.maxAttempts = maxAttempts;
        this.insertSql = vendor.insertIgnoring("rtn_timer", "kind, timer_key, due_at, payload, status, attempts",
                "kind, timer_key");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
        for (TimerHandler handler : handlers) {
            TimerHandler previous = this.handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two timer handlers for kind '" + handler.kind() + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    @Override
    public void schedule(String kind, String key, Instant dueAt, String payload) {
        var insert = jdbc.sql(insertSql);
        if (keyFirst) {
            insert = insert.param(kind).param(key);
        }
        int inserted = insert.param(kind).param(key).param(UtcTime.toColumn(dueAt)).param(payload)
                .param("PENDING").param(0).update();
        if (inserted == 0) {
            jdbc.sql("UPDATE rtn_timer SET due_at = ?, payload = ? WHERE kind = ? AND timer_key = ?"
                            + " AND status = 'PENDING'")
                    .params(UtcTime.toColumn(dueAt), payload, kind, key)
                    .update();
        }
        nextDue.accumulateAndGet(dueAt, (current, candidate) ->
                current == null ? null : (candidate.isBefore(current) ? candidate : current));
    }

    @Override
    public void cancel(String kind, String key) {
        jdbc.sql("DELETE FROM rtn_timer WHERE kind = ? AND timer_key = ? AND status = 'PENDING'")
                .params(kind, key)
                .update();
    }

    /** Forgets the cached next due time (another node may have scheduled earlier timers). */
    public void refresh() {
        nextDue.set(null);
    }

    /** Whether any timer may be due at or before this business time. */
    public boolean anyDue(Instant until) {
        Instant next = nextDue.get();
        if (next == null) {
            // ORDER BY + first row walks the (status, due_at) index; MIN() with the WHERE makes H2 aggregate
            // over every pending row, which dominated history replays with many future timers.
            next = jdbc.sql("SELECT due_at FROM rtn_timer WHERE status = 'PENDING' ORDER BY status, due_at")
                    .withMaxRows(1)
                    .query((rs, n) -> UtcTime.read(rs, "due_at"))
                    .optional().orElse(null);
            next = next == null ? NEVER : next;
            nextDue.compareAndSet(null, next);
        }
        return !next.isAfter(until);
    }

    /** Fires every timer due at or before {@code until}, oldest first; returns how many fired. */
    public int fireDue(Instant until) {
        int fired = 0;
        while (anyDue(until)) {
            List<Timer> due = jdbc.sql("SELECT id, kind, timer_key, due_at, payload, attempts FROM rtn_timer"
                            + " WHERE status = 'PENDING' AND due_at <= ? ORDER BY due_at, id")
                    .param(UtcTime.toColumn(until))
                    .withMaxRows(200)
                    .query((rs, n) -> new Timer(rs.getLong("id"), rs.getString("kind"), rs.getString("timer_key"),
                            UtcTime.read(rs, "due_at"), rs.getString("payload"), rs.getInt("attempts")))
                    .list();
            nextDue.set(null);
            if (due.isEmpty()) {
                break;
            }
            boolean progressed = false;
            for (Timer timer : due) {
                progressed |= fire(timer);
                fired++;
            }
            if (!progressed) {
                break;
            }
        }
        return fired;
    }

    private boolean fire(Timer timer) {
        TimerHandler handler = handlers.get(timer.kind());
        try {
            tx.executeWithoutResult(status -> {
                if (handler == null) {
                    throw new IllegalStateException("No timer handler for kind '" + timer.kind() + "'");
                }
                handler.fire(timer);
                jdbc.sql("UPDATE rtn_timer SET status = 'FIRED', fired_at = ?, attempts = attempts + 1 WHERE id = ?")
                        .params(UtcTime.toColumn(timer.dueAt()), timer.id())
                        .update();
            });
            return true;
        } catch (RuntimeException e) {
            int attempts = timer.attempts() + 1;
            boolean give = attempts >= maxAttempts;
            log.warn("timer.failed kind={} key={} attempts={} parked={} error={}", timer.kind(), timer.key(),
                    attempts, give, e.toString());
            // Push the due time back a little so other timers go first; business order within a customer holds
            // because each kind's key is per customer and period.
            jdbc.sql("UPDATE rtn_timer SET attempts = ?, last_error = ?, status = ?, due_at = ? WHERE id = ?")
                    .params(attempts, String.valueOf(e), give ? "FAILED" : "PENDING",
                            UtcTime.toColumn(timer.dueAt().plus(Duration.ofSeconds(attempts))), timer.id())
                    .update();
            return give;
        }
    }
}
