package dev.retention.loyalty.internal;

import dev.retention.host.CustomerRegistered;
import dev.retention.host.OrderCancelled;
import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderRefunded;
import dev.retention.host.RetentionEvent;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.RetentionEventHandler;
import java.util.Set;

/** Feeds the host events the programme reacts to into {@link LoyaltyEngine}. */
public class LoyaltyEventHandler implements RetentionEventHandler {

    private static final Set<Class<?>> TYPES = Set.of(CustomerRegistered.class, OrderPlaced.class,
            OrderCompleted.class, OrderCancelled.class, OrderRefunded.class, ReviewSubmitted.class);

    private final LoyaltyEngine engine;

    public LoyaltyEventHandler(LoyaltyEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(RetentionEvent event) {
        if (event instanceof OrderPlaced placed) {
            engine.placed(placed);
        } else if (event instanceof OrderCompleted completed) {
            engine.completed(completed);
        } else if (event instanceof OrderCancelled cancelled) {
            engine.cancelled(cancelled);
        } else if (event instanceof OrderRefunded refunded) {
            engine.refunded(refunded);
        } else if (event instanceof CustomerRegistered registered) {
            engine.registered(registered);
        } else if (event instanceof ReviewSubmitted review) {
            engine.reviewed(review);
        }
    }
}
