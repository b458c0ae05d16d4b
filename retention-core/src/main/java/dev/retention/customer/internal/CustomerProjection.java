package dev.retention.customer.internal;

import dev.retention.host.ConsentChanged;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.CustomerUpdated;
import dev.retention.host.OrderPlaced;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.support.UtcTime;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps rtn_customer and rtn_consent up to date. Every write is an upsert guarded by business time, so replays
 * and out-of-order updates converge on the latest facts.
 */
public class CustomerProjection implements RetentionEventHandler {

    private final JdbcClient jdbc;

    public CustomerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return type == CustomerRegistered.class || type == CustomerUpdated.class || type == ConsentChanged.class
                || type == OrderPlaced.class;
    }

    @Override
    public void handle(RetentionEvent event) {
        // Java 17 has no pattern matching in switch (preview until 21), hence the instanceof chain.
        if (event instanceof CustomerRegistered e) {
            registered(e);
        } else if (event instanceof CustomerUpdated e) {
            updated(e);
        } else if (event instanceof ConsentChanged e) {
            consent(e.customerId(), e.channel(), e.granted(), e.occurredAt());
        } else if (event instanceof OrderPlaced e) {
            ensureExists(e.customerId(), e.occurredAt());
        }
    }

    private void registered(CustomerRegistered e) {
        ensureExists(e.customerId(), e.occurredAt());
        jdbc.sql("UPDATE rtn_customer SET email = ?, display_name = ?, locale = ?, time_zone = ?, birthday = ?,"
                        + " marketing_consent = ?, acquisition_channel = ?, referral_code = ?, registered_at = ?,"
                        + " updated_at = ? WHERE customer_id = ? AND erased_at IS NULL")
                .params(e.email(), e.displayName(), e.locale().toLanguageTag(), e.timeZone().getId(), e.birthday(),
                        e.marketingConsent(), e.acquisitionChannel(), e.referralCode(),
                        UtcTime.toColumn(e.occurredAt()), UtcTime.toColumn(e.occurredAt()), e.customerId())
                .update();
        consent(e.customerId(), "email", e.marketingConsent(), e.occurredAt());
    }

    private void updated(CustomerUpdated e) {
        ensureExists(e.customerId(), e.occurredAt());
        jdbc.sql("UPDATE rtn_customer SET email = ?, display_name = ?, locale = ?, time_zone = ?, birthday = ?,"
                        + " updated_at = ? WHERE customer_id = ? AND erased_at IS NULL AND updated_at <= ?")
                .params(e.email(), e.displayName(), e.locale().toLanguageTag(), e.timeZone().getId(), e.birthday(),
                        UtcTime.toColumn(e.occurredAt()), e.customerId(), UtcTime.toColumn(e.occurredAt()))
                .update();
    }

    private void consent(String customerId, String channel, boolean granted, Instant at) {
        ensureExists(customerId, at);
        int updated = jdbc.sql("UPDATE rtn_consent SET granted = ?, changed_at = ? WHERE customer_id = ?"
                        + " AND channel = ? AND changed_at <= ?")
                .params(granted, UtcTime.toColumn(at), customerId, channel, UtcTime.toColumn(at))
                .update();
        if (updated == 0 && !jdbc.sql("SELECT COUNT(*) FROM rtn_consent WHERE customer_id = ? AND channel = ?")
                .params(customerId, channel).query(Long.class).single().equals(1L)) {
            jdbc.sql("INSERT INTO rtn_consent (customer_id, channel, granted, changed_at) VALUES (?, ?, ?, ?)")
                    .params(customerId, channel, granted, UtcTime.toColumn(at))
                    .update();
        }
        if ("email".equals(channel)) {
            jdbc.sql("UPDATE rtn_customer SET marketing_consent = (SELECT granted FROM rtn_consent WHERE"
                            + " rtn_consent.customer_id = rtn_customer.customer_id AND channel = 'email')"
                            + " WHERE customer_id = ?")
                    .param(customerId)
                    .update();
        }
    }

    private void ensureExists(String customerId, Instant at) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM rtn_customer WHERE customer_id = ?").param(customerId)
                .query(Long.class).single() > 0;
        if (!exists) {
            jdbc.sql("INSERT INTO rtn_customer (customer_id, locale, time_zone, marketing_consent, updated_at)"
                            + " VALUES (?, 'en', 'UTC', FALSE, ?)")
                    .params(customerId, UtcTime.toColumn(at))
                    .update();
        }
    }
}
