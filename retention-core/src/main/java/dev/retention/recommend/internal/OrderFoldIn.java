package dev.retention.recommend.internal;

import dev.retention.host.OrderPlaced;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.RetentionEventHandler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands placed orders to the engine's fold-in queue once the inbox transaction commits (a rolled-back event
 * must not reach the model). Replays are harmless: the engine skips orders it already has.
 */
public class OrderFoldIn implements RetentionEventHandler {

    private final RecommendationEngine engine;

    public OrderFoldIn(RecommendationEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return type == OrderPlaced.class;
    }

    @Override
    public void handle(RetentionEvent event) {
        OrderPlaced order = (OrderPlaced) event;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engine.orderPlaced(order);
                }
            });
        } else {
            engine.orderPlaced(order);
        }
    }
}
