package dev.retention.engage;

import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per flow and channel opt-outs (table rtn_engage_unsubscribe). {@link #ALL_MARKETING} as the flow stops every
 * marketing flow; transactional flows are stopped only by their own entry.
 */
public class Unsubscribes {

    private static final Logger log = LoggerFactory.getLogger(Unsubscribes.class);

    /** Flow name that stands for every marketing flow. */
    public static final String ALL_MARKETING = "*";

    private final JdbcClient jdbc;
    private final String insert;
    private final boolean keyFirst;

    public Unsubscribes(JdbcClient jdbc, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.insert = vendor.insertIgnoring("rtn_engage_unsubscribe", "customer_id, flow, channel, changed_at",
                "customer_id, flow, channel");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
    }

    /** Stops the flow ({@code *} for all marketing) on the channel; repeating it is harmless. */
    public void unsubscribe(String customerId, String flow, String channel, Instant at) {
        requireFlow(flow);
        var statement = jdbc.sql(insert);
        if (keyFirst) {
            statement = statement.param(customerId).param(flow).param(channel);
        }
        statement.param(customerId).param(flow).param(channel).param(UtcTime.toColumn(at)).update();
        log.info("engage.unsubscribed customerId={} flow={} channel={}", customerId, flow, channel);
    }

    public void resubscribe(String customerId, String flow, String channel) {
        requireFlow(flow);
        jdbc.sql("DELETE FROM rtn_engage_unsubscribe WHERE customer_id = ? AND flow = ? AND channel = ?")
                .params(customerId, flow, channel)
                .update();
    }

    /** Whether the customer stopped this flow, or (for a marketing flow) all marketing, on the channel. */
    public boolean isUnsubscribed(String customerId, Flow flow, String channel) {
        List<String> flows = jdbc.sql("SELECT flow FROM rtn_engage_unsubscribe WHERE customer_id = ? AND channel = ?")
                .params(customerId, channel)
                .query(String.class)
                .list();
        return flows.contains(flow.key()) || (flow.marketing() && flows.contains(ALL_MARKETING));
    }

    /**
     * The customer's preferences on the channel: {@code *} (all marketing) first, then every flow a shopper may
     * choose, each with whether it is on.
     */
    public Map<String, Boolean> preferences(String customerId, String channel) {
        List<String> off = jdbc.sql("SELECT flow FROM rtn_engage_unsubscribe WHERE customer_id = ? AND channel = ?")
                .params(customerId, channel)
                .query(String.class)
                .list();
        Map<String, Boolean> preferences = new LinkedHashMap<>();
        preferences.put(ALL_MARKETING, !off.contains(ALL_MARKETING));
        for (Flow flow : Flow.values()) {
            preferences.put(flow.key(), !off.contains(flow.key()));
        }
        return preferences;
    }

    private static void requireFlow(String flow) {
        if (!ALL_MARKETING.equals(flow)) {
            Flow.ofKey(flow);
        }
    }
}
