package dev.retention.recommend.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every node, looks now and then for an index persisted by another node (training jobs run on one node at a
 * time) and loads it. One daemon thread; one small query per interval.
 */
public class IndexRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexRefresher.class);

    private final RecommendationEngine engine;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public IndexRefresher(RecommendationEngine engine, Duration interval) {
        this.engine = engine;
        this.interval = interval;
    }

    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention-recommend-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            engine.refreshIfNewer();
        } catch (RuntimeException e) {
            log.warn("recommend.refresh.failed error={}", e.toString());
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
