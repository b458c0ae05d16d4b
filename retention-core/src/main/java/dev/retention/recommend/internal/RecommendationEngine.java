package dev.retention.recommend.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the serving index and its training. Readers call {@link #index()} (one volatile read) and keep using the
 * index they got; training builds a complete new index off to the side and swaps it in with one atomic set, so
 * nothing ever waits for a training run.
 *
 * <p>Incremental fold-in: {@link PendingOrders} notes each placed order in {@code rtn_reco_pending} within the
 * inbox transaction; a short-interval job appends the noted orders to the in-memory training log of the last full
 * run (reading their lines from the order history, so it does not matter which node processed them), clears the
 * notes and recomputes only the rows of the products in those orders ({@link IndexTrainer#update}). Rows of other products, and cancellations, wait for the next full run. After a
 * restart there is no log in memory: the first fold-in does a full run.
 *
 * <p>Other nodes of a cluster (the jobs run on one node at a time) call {@link #refreshIfNewer()} periodically and
 * load a newer persisted index when there is one.
 */
public class RecommendationEngine {

    private static final Logger log = LoggerFactory.getLogger(RecommendationEngine.class);

    private final IndexTrainer trainer;
    private final TrainingData trainingData;
    private final IndexStore store;
    private final Clock clock;
    private final Duration signalRetention;
    private final AtomicReference<RecommendationIndex> current;
    private final ReentrantLock training = new ReentrantLock();
    private Interactions trainingLog;
    private volatile long loadedVersion;

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
        long version = store.latestVersion();
        Optional<RecommendationIndex> stored = store.loadLatest();
        loadedVersion = version;
        if (stored.isPresent() && stored.get().similarity() == trainer.settings().similarity()) {
            current.set(stored.get());
            log.info("recommend.index.loaded items={} trainedAt={}", stored.get().itemCount(),
                    stored.get().trainedAt());
            return true;
        }
        return false;
    }

    /**
     * Loads the persisted index when another node stored a newer one than this node last loaded or saved;
     * returns whether it did. Cheap when nothing changed (one query).
     */
    public boolean refreshIfNewer() {
        if (store.latestVersion() <= loadedVersion || !training.tryLock()) {
            return false;
        }
        try {
            // the in-memory log numbers products like this node's own index; a foreign index needs a full run first
            trainingLog = null;
            return loadPersisted();
        } finally {
            training.unlock();
        }
    }

    /** Full training from the database; returns the number of products in the new index. */
    public long train() {
        training.lock();
        try {
            Instant started = clock.instant();
            Interactions data = trainingData.load(started.minus(signalRetention));
            // orders noted while loading are either in the data already or get appended now
            trainingData.foldPending(data);
            RecommendationIndex index = trainer.train(data, started);
            loadedVersion = store.save(index);
            current.set(index);
            trainingLog = data;
            log.info("recommend.trained items={} orders={} signals={} ms={}", index.itemCount(), data.orderCount(),
                    data.size(), Duration.between(started, clock.instant()).toMillis());
            return index.itemCount();
        } finally {
            training.unlock();
        }
    }

    /**
     * Folds the orders placed since the last run (noted by {@link PendingOrders}) into the index; returns the number
     * of products whose rows were recomputed.
     */
    public long foldIn() {
        training.lock();
        try {
            if (trainingLog == null) {
                train();
                return 0;
            }
            int ordersBefore = trainingLog.orderCount();
            Set<String> touched = trainingData.foldPending(trainingLog);
            if (touched.isEmpty()) {
                return 0;
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
            loadedVersion = store.save(index);
            current.set(index);
            log.info("recommend.folded orders={} products={} items={}", trainingLog.orderCount() - ordersBefore,
                    touched.size(), index.itemCount());
            return touched.size();
        } finally {
            training.unlock();
        }
    }
}
