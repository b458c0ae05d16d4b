package dev.retention.ingest.internal;

import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lease locks in the rtn_lock table, so that in a cluster one node at a time drains the inbox or runs a job
 * (the ShedLock pattern). A lease expires on its own if the node dies.
 */
public class DatabaseLocks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String insertSql;
    private final boolean keyFirst;
    private final String owner;

    public DatabaseLocks(JdbcClient jdbc, DatabaseVendor vendor, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.insertSql = vendor.insertIgnoring("rtn_lock", "lock_name, locked_until, locked_by", "lock_name");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** Takes or extends the lease; false when another node holds it. Uses the wall clock, not business time. */
    public boolean tryAcquire(String name, Duration lease) {
        Instant now = clock.instant();
        if (update(name, now, lease) == 1) {
            return true;
        }
        var insert = jdbc.sql(insertSql);
        if (keyFirst) {
            insert = insert.param(name);
        }
        insert.param(name).param(UtcTime.toColumn(now.minusSeconds(1))).param("nobody").update();
        return update(name, now, lease) == 1;
    }

    private int update(String name, Instant now, Duration lease) {
        return jdbc.sql("UPDATE rtn_lock SET locked_until = ?, locked_by = ? WHERE lock_name = ?"
                        + " AND (locked_until < ? OR locked_by = ?)")
                .params(UtcTime.toColumn(now.plus(lease)), owner, name, UtcTime.toColumn(now), owner)
                .update();
    }

    public void release(String name) {
        jdbc.sql("UPDATE rtn_lock SET locked_until = ? WHERE lock_name = ? AND locked_by = ?")
                .params(UtcTime.toColumn(clock.instant().minusSeconds(1)), name, owner)
                .update();
    }
}
