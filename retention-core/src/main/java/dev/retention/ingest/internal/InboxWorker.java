package dev.retention.ingest.internal;

import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJobs;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The background thread: drains the inbox when nudged after a publish and every poll interval, fires timers due by
 * the wall clock, and runs periodic jobs.
 */
public class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final InboxProcessor processor;
    private final RetentionEvents events;
    private final RetentionJobs jobs;
    private final Duration pollInterval;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public InboxWorker(InboxProcessor processor, RetentionEvents events, RetentionJobs jobs, Duration pollInterval) {
        this.processor = processor;
        this.events = events;
        this.jobs = jobs;
        this.pollInterval = pollInterval;
    }

    /** Asks for a drain soon; many nudges before the drain starts coalesce into one. */
    public void nudge() {
        ScheduledExecutorService current = executor;
        if (current != null && queued.compareAndSet(false, true)) {
            current.execute(this::drain);
        }
    }

    private void drain() {
        queued.set(false);
        try {
            events.flushDeferred();
            processor.processDue();
        } catch (RuntimeException e) {
            log.error("inbox.worker.failed error={}", e.toString(), e);
        }
    }

    private void tick() {
        drain();
        try {
            jobs.runDue();
        } catch (RuntimeException e) {
            log.error("jobs.worker.failed error={}", e.toString(), e);
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention-inbox");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                current.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
