package dev.retention.recommend.internal;

import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the serving index and its training. Readers call {@link #index()} (one volatile read) and keep using the
 * index they got; training builds a complete new index off to the side and swaps it in with one atomic set, so
 * nothing ever waits for a training run.
 *
 * <p>Incremental fold-in: placed orders are queued (after their inbox transaction commits) and a short-interval
 * job appends them to the in-memory training log of the last full run and recomputes only the rows of the
 * products in those orders ({@link IndexTrainer#update}). Rows of other products, and cancellations, wait for
 * the next full run. After a restart there is no log in memory: the first fold-in does a full run.
 */
public class RecommendationEngine {

    private static final Logger log = LoggerFactory.getLogger(RecommendationEngine.class);

    private final IndexTrainer trainer;
    private final TrainingData trainingData;
    private final IndexStore store;
    private final Clock clock;
    private final Duration signalRetention;
    private final AtomicReference<RecommendationIndex> current;
    private final ConcurrentLinkedQueue<OrderPlaced> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock training = new ReentrantLock();
    private Interactions trainingLog;

    public RecommendationEngine(IndexTrainer trainer, TrainingData trainingData, IndexStore store, Clock clock,
            Duration signalRetention) {
        this.trainer = trainer;
        this.trainingData = trainingData;
        this.store = store;
        this.clock = clock;
        this.signalRetention = signalRetention;
        this.current = new AtomicReference<>(RecommendationIndex.empty(trainer.settings().similarity()));
    }

    /** The index to serve from now; never null (empty before the first training). */
    public RecommendationIndex index() {
        return current.get();
    }

    /** Loads the last persisted index, if there is one trained with the configured similarity. */
    public boolean loadPersisted() {
        Optional<RecommendationIndex> stored = store.loadLatest();
        if (stored.isPresent() && stored.get().similarity() == trainer.settings().similarity()) {
            current.set(stored.get());
            log.info("recommend.index.loaded items={} trainedAt={}", stored.get().itemCount(),
                    stored.get().trainedAt());
            return true;
        }
        return false;
    }

    /** Full training from the database; returns the number of products in the new index. */
    public long train() {
        training.lock();
        try {
            Instant started = clock.instant();
            pending.clear();
            Interactions data = trainingData.load(started.minus(signalRetention));
            RecommendationIndex index = trainer.train(data, started);
            store.save(index);
            current.set(index);
            trainingLog = data;
            log.info("recommend.trained items={} orders={} signals={} ms={}", index.itemCount(), data.orderCount(),
                    data.size(), Duration.between(started, clock.instant()).toMillis());
            return index.itemCount();
        } finally {
            training.unlock();
        }
    }

    /** Queues a placed order for the next fold-in; called once its inbox transaction has committed. */
    public void orderPlaced(OrderPlaced order) {
        pending.add(order);
    }

    public int pendingOrders() {
        return pending.size();
    }

    /** Folds the queued orders into the index; returns the number of orders folded in. */
    public long foldIn() {
        training.lock();
        try {
            if (trainingLog == null) {
                train();
                return 0;
            }
            List<OrderPlaced> orders = new ArrayList<>();
            for (OrderPlaced order = pending.poll(); order != null; order = pending.poll()) {
                if (!trainingLog.containsOrder(order.orderId())) {
                    orders.add(order);
                }
            }
            if (orders.isEmpty()) {
                return 0;
            }
            List<String> touched = new ArrayList<>();
            for (OrderPlaced order : orders) {
                for (OrderLine line : order.lines()) {
                    trainingLog.addPurchase(TrainingData.customerKey(order.customerId()), order.orderId(),
                            line.productId(), line.category(), order.occurredAt());
                    touched.add(line.productId());
                }
            }
            RecommendationIndex previous = current.get();
            boolean[] changed = new boolean[trainingLog.itemCount()];
            for (String productId : touched) {
                int item = previous.itemNo(productId);
                if (item >= 0) {
                    changed[item] = true;
                }
            }
            RecommendationIndex index = trainer.update(previous, trainingLog, clock.instant(), changed);
            store.save(index);
            current.set(index);
            log.info("recommend.folded orders={} items={}", orders.size(), index.itemCount());
            return orders.size();
        } finally {
            training.unlock();
        }
    }
}
