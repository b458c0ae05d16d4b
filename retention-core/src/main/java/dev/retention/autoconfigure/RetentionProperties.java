package dev.retention.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Core settings of Retention Kit, under {@code retention.*}. Features add their own groups
 * ({@code retention.loyalty.*}, {@code retention.recommend.*}, ...).
 *
 * @param enabled whether Retention Kit switches on at all
 * @param schema  how Retention Kit's own tables are created
 * @param inbox   event inbox processing
 */
@ConfigurationProperties("retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue Schema schema,
        @DefaultValue Inbox inbox) {

    /**
     * Retention Kit's schema.
     *
     * @param migrate whether Retention Kit runs its own Flyway migrations (history table {@code table}); set false
     *                to take the SQL from {@code db/retention/{vendor}} into your own migration process
     * @param table   Flyway history table used for Retention Kit's migrations
     */
    public record Schema(@DefaultValue("true") boolean migrate, @DefaultValue("rtn_schema_history") String table) {
    }

    /**
     * Inbox processing.
     *
     * @param worker              whether a background thread processes events (false: call {@code Inbox.processNow()})
     * @param pollInterval        how often the worker looks for due events, timers and jobs
     * @param batchSize           events read per query and handled per transaction while all goes well
     * @param maxAttempts         attempts before a failing event is parked for an admin
     * @param initialBackoff      delay before the first retry; doubles each attempt
     * @param maxBackoff          longest delay between retries
     * @param predecessorRetry    delay before looking again for an event's missing predecessor
     * @param predecessorTimeout  how long an event may wait for its predecessor before it is parked
     * @param lockLease           lease of the cluster-wide inbox lock; renewed while draining
     */
    public record Inbox(@DefaultValue("true") boolean worker, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("200") int batchSize, @DefaultValue("8") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("5s") Duration predecessorRetry, @DefaultValue("24h") Duration predecessorTimeout,
            @DefaultValue("2m") Duration lockLease) {

        public Inbox {
            if (batchSize < 1) {
                throw new IllegalArgumentException("retention.inbox.batch-size: must be at least 1, was " + batchSize);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("retention.inbox.max-attempts: must be at least 1, was "
                        + maxAttempts);
            }
        }
    }
}
