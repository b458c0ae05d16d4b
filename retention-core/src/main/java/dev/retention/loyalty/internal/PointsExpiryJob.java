package dev.retention.loyalty.internal;

import dev.retention.ingest.RetentionJob;
import dev.retention.loyalty.ExpiryPolicy;
import dev.retention.loyalty.PointsExpiring;
import dev.retention.loyalty.ProgrammeSettings;
import dev.retention.support.UtcTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires lots whose date has passed (one transaction per account, under its lock) and publishes
 * {@link PointsExpiring} once per lot {@code warningDays} ahead. Runs on one node (the jobs' database lock).
 */
public class PointsExpiryJob implements RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiryJob.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProgrammeSettings settings;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration interval;

    public PointsExpiryJob(JdbcClient jdbc, Ledger ledger, ProgrammeSettings settings, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock, Duration interval) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "loyalty-expiry";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public long run(JobProgress progress) {
        Instant now = clock.instant();
        warn(now);
        return expireDue(now);
    }

    /** Expires every lot due at {@code now}; returns the points expired. */
    public long expireDue(Instant now) {
        record Due(long lotId, String customerId) {
        }
        long expired = 0;
        while (true) {
            List<Due> due = jdbc.sql("SELECT id, customer_id FROM rtn_loyalty_lot WHERE remaining > 0"
                            + " AND expires_at <= ? ORDER BY expires_at, id")
                    .param(UtcTime.toColumn(now)).withMaxRows(500)
                    .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("customer_id"))).list();
            if (due.isEmpty()) {
                return expired;
            }
            long batch = 0;
            for (Due lot : due) {
                Long points = tx.execute(status -> ledger.expire(ledger.lock(lot.customerId(), now), lot.lotId(), now));
                batch += points;
            }
            expired += batch;
            if (batch == 0) {
                return expired;
            }
            log.info("loyalty.expired lots={} points={}", due.size(), batch);
        }
    }

    /** Publishes one warning per lot entering the warning period. */
    public int warn(Instant now) {
        ExpiryPolicy expiry = settings.loyalty(now).expiry();
        if (expiry.mode() == ExpiryPolicy.Mode.NEVER) {
            return 0;
        }
        record Lot(long id, String customerId, long remaining, Instant expiresAt) {
        }
        List<Lot> lots = jdbc.sql("SELECT id, customer_id, remaining, expires_at FROM rtn_loyalty_lot"
                        + " WHERE remaining > 0 AND warned_at IS NULL AND expires_at > ? AND expires_at <= ?")
                .params(UtcTime.toColumn(now), UtcTime.toColumn(now.plus(expiry.warning())))
                .query((rs, n) -> new Lot(rs.getLong("id"), rs.getString("customer_id"), rs.getLong("remaining"),
                        UtcTime.read(rs, "expires_at"))).list();
        for (Lot lot : lots) {
            tx.executeWithoutResult(status -> {
                int marked = jdbc.sql("UPDATE rtn_loyalty_lot SET warned_at = ? WHERE id = ? AND warned_at IS NULL")
                        .params(UtcTime.toColumn(now), lot.id()).update();
                if (marked == 1) {
                    long balance = ledger.find(lot.customerId()).map(a -> a.balance()).orElse(0L);
                    events.publishEvent(new PointsExpiring(lot.customerId(), lot.remaining(), lot.expiresAt(),
                            balance));
                }
            });
        }
        return lots.size();
    }
}
