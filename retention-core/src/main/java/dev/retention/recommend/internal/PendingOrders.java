package dev.retention.recommend.internal;

import dev.retention.host.OrderPlaced;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notes every placed order in {@code rtn_reco_pending}, inside the inbox transaction (a rolled-back event leaves
 * nothing; a replay inserts nothing new), for the next fold-in on whichever node runs it.
 */
public class PendingOrders implements RetentionEventHandler {

    private final JdbcClient jdbc;
    private final DatabaseVendor vendor;

    public PendingOrders(JdbcClient jdbc, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.vendor = vendor;
    }

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return type == OrderPlaced.class;
    }

    @Override
    public void handle(RetentionEvent event) {
        OrderPlaced order = (OrderPlaced) event;
        String sql = vendor.insertIgnoring("rtn_reco_pending", "order_id, recorded_at", "order_id");
        Object at = UtcTime.toColumn(order.occurredAt());
        if (vendor.insertIgnoringBindsKeyFirst()) {
            jdbc.sql(sql).params(order.orderId(), order.orderId(), at).update();
        } else {
            jdbc.sql(sql).params(order.orderId(), at).update();
        }
    }
}
