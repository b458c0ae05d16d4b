package dev.retention.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Restricts a report to some customers. Every criterion is optional; all given ones must hold.
 *
 * <p>Loyalty membership is not a filter yet: the loyalty tables belong to the loyalty feature, which does not publish
 * a membership query; members vs non-members will be added as a criterion when it does.
 *
 * @param segment  RFM segment of the customer in the latest scoring run (e.g. {@code CHAMPIONS})
 * @param channel  acquisition channel recorded at registration ({@code rtn_customer.acquisition_channel})
 * @param referred true: only customers who signed up with a referral code; false: only those who did not
 */
public record CustomerFilter(RfmSegment segment, String channel, Boolean referred) {

    public static final CustomerFilter ALL = new CustomerFilter(null, null, null);

    public boolean isAll() {
        return segment == null && (channel == null || channel.isBlank()) && referred == null;
    }

    /**
     * A SQL condition on {@code column} (a customer id column) with its parameters, or {@code 1 = 1} for all.
     */
    public Condition on(String column) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (segment != null) {
            sql.append(" AND ").append(column).append(" IN (SELECT fs.customer_id FROM rtn_rfm_score fs")
                    .append(" WHERE fs.run_id = (SELECT MAX(fr.run_id) FROM rtn_rfm_run fr) AND fs.segment = ?)");
            params.add(segment.name());
        }
        if (channel != null && !channel.isBlank()) {
            sql.append(" AND ").append(column).append(" IN (SELECT fc.customer_id FROM rtn_customer fc")
                    .append(" WHERE fc.acquisition_channel = ?)");
            params.add(channel);
        }
        if (referred != null) {
            sql.append(" AND ").append(column).append(referred ? " IN" : " NOT IN")
                    .append(" (SELECT fc2.customer_id FROM rtn_customer fc2 WHERE fc2.referral_code IS NOT NULL)");
        }
        return new Condition(sql.toString(), List.copyOf(params));
    }

    /** A SQL fragment and the values for its placeholders, in order. */
    public record Condition(String sql, List<Object> params) {
    }
}
