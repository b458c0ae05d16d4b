package dev.retention.recommend.internal;

import dev.retention.host.CartLine;
import dev.retention.host.CartUpdated;
import dev.retention.host.ProductViewed;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records product views and cart adds as weak training signals, one row per (user, product, kind) holding the
 * latest time: replays insert nothing new and never move the time backwards, so handling is idempotent.
 */
public class SignalRecorder implements RetentionEventHandler {

    static final String VIEW = "VIEW";
    static final String CART = "CART";

    private final JdbcClient jdbc;
    private final DatabaseVendor vendor;

    public SignalRecorder(JdbcClient jdbc, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.vendor = vendor;
    }

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return type == ProductViewed.class || type == CartUpdated.class;
    }

    @Override
    public void handle(RetentionEvent event) {
        if (event instanceof ProductViewed viewed) {
            record(viewed.customerId(), viewed.sessionId(), viewed.productId(), VIEW, event);
        } else if (event instanceof CartUpdated cart) {
            for (CartLine line : cart.lines()) {
                record(cart.customerId(), cart.sessionId(), line.productId(), CART, event);
            }
        }
    }

    private void record(String customerId, String sessionId, String productId, String kind, RetentionEvent event) {
        String userKey = customerId != null ? TrainingData.customerKey(customerId)
                : TrainingData.sessionKey(sessionId);
        Object at = UtcTime.toColumn(event.occurredAt());
        String sql = vendor.insertIgnoring("rtn_reco_signal", "user_key, product_id, kind, customer_id, occurred_at",
                "user_key, product_id, kind");
        if (vendor.insertIgnoringBindsKeyFirst()) {
            jdbc.sql(sql).params(userKey, productId, kind, userKey, productId, kind, customerId, at).update();
        } else {
            jdbc.sql(sql).params(userKey, productId, kind, customerId, at).update();
        }
        jdbc.sql("UPDATE rtn_reco_signal SET occurred_at = ? WHERE user_key = ? AND product_id = ? AND kind = ?"
                        + " AND occurred_at < ?")
                .params(at, userKey, productId, kind, at)
                .update();
    }
}
