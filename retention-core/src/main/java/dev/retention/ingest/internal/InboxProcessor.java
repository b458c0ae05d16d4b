package dev.retention.ingest.internal;

import dev.retention.host.RetentionEvent;
import dev.retention.ingest.AwaitingPredecessorException;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.ingest.internal.InboxStore.Stored;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the inbox in business-time order. Events are handled in chunks, one transaction per chunk; if anything
 * in a chunk fails, the chunk is rolled back and its events are handled one transaction each, so one poison event
 * never holds up the rest. Timers due before an event fire before it.
 */
public class InboxProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    static final String LOCK = "retention.inbox";

    /** Tuning, from {@code retention.inbox.*}. */
    public record Settings(int batchSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
            Duration predecessorRetry, Duration predecessorTimeout, Duration lockLease) {
    }

    private final InboxStore store;
    private final EventCodec codec;
    private final List<RetentionEventHandler> handlers;
    private final JdbcTimers timers;
    private final DatabaseLocks locks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Settings settings;
    private final ReentrantLock localLock = new ReentrantLock();
    private final Map<Class<?>, List<RetentionEventHandler>> handlersByType = new ConcurrentHashMap<>();
    private final Counter processed;
    private final Counter failed;
    private final Counter parked;
    private final Timer latency;

    public InboxProcessor(InboxStore store, EventCodec codec, List<RetentionEventHandler> handlers, JdbcTimers timers,
            DatabaseLocks locks, TransactionTemplate tx, Clock clock, Settings settings, MeterRegistry meters) {
        this.store = store;
        this.codec = codec;
        this.handlers = List.copyOf(handlers);
        this.timers = timers;
        this.locks = locks;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.processed = Counter.builder("retention.events.processed").description("Events handled").register(meters);
        this.failed = Counter.builder("retention.events.failed").description("Failed handling attempts")
                .register(meters);
        this.parked = Counter.builder("retention.events.parked").description("Events parked after repeated failures")
                .register(meters);
        this.latency = Timer.builder("retention.events.processing").description("Time to handle one event")
                .register(meters);
    }

    /**
     * Processes every event that is due now, then fires the timers due by the wall clock. Returns the number of
     * events handled; 0 when another thread or node holds the inbox.
     */
    public int processDue() {
        if (!localLock.tryLock()) {
            return 0;
        }
        try {
            if (!locks.tryAcquire(LOCK, settings.lockLease())) {
                return 0;
            }
            try {
                timers.refresh();
                int handled = 0;
                List<Stored> batch;
                while (!(batch = store.due(clock.instant(), settings.batchSize())).isEmpty()) {
                    handled += processBatch(batch);
                    locks.tryAcquire(LOCK, settings.lockLease());
                }
                timers.fireDue(clock.instant());
                return handled;
            } finally {
                locks.release(LOCK);
            }
        } finally {
            localLock.unlock();
        }
    }

    /**
     * Handles the batch in business-time order. A timer due before an event fires before it, including timers that
     * earlier events of the same batch scheduled: a chunk ends as soon as one of its events schedules a timer due
     * before the next event.
     */
    private int processBatch(List<Stored> batch) {
        int handled = 0;
        int start = 0;
        while (start < batch.size()) {
            Instant next = batch.get(start).occurredAt();
            if (timers.anyDue(next)) {
                timers.fireDue(next);
            }
            int[] done = new int[1];
            handled += processChunk(batch.subList(start, batch.size()), done);
            start += Math.max(done[0], 1);
        }
        return handled;
    }

    /**
     * Handles events from the start of {@code events} in one transaction, stopping before the first event that a
     * pending timer precedes; {@code consumed[0]} tells how many events were taken (handled or failed).
     */
    private int processChunk(List<Stored> events, int[] consumed) {
        List<Stored> chunk = new ArrayList<>();
        if (events.size() > 1) {
            try {
                long start = System.nanoTime();
                tx.executeWithoutResult(status -> {
                    for (int i = 0; i < events.size(); i++) {
                        Stored event = events.get(i);
                        dispatch(codec.decode(event.type(), event.payload()));
                        chunk.add(event);
                        if (i + 1 < events.size() && timers.anyDue(events.get(i + 1).occurredAt())) {
                            break;
                        }
                    }
                    store.markProcessed(chunk.stream().map(Stored::seq).toList(), clock.instant());
                });
                long perEvent = (System.nanoTime() - start) / chunk.size();
                for (int i = 0; i < chunk.size(); i++) {
                    latency.record(Duration.ofNanos(perEvent));
                }
                processed.increment(chunk.size());
                consumed[0] = chunk.size();
                return chunk.size();
            } catch (RuntimeException e) {
                log.debug("inbox.chunk.rolledback size={} error={}", chunk.size(), e.toString());
            }
        }
        // One at a time after a failure (or for a single event), so one bad event never holds up the rest.
        int handled = 0;
        int taken = 0;
        for (int i = 0; i < events.size(); i++) {
            handled += processOne(events.get(i)) ? 1 : 0;
            taken++;
            if (i + 1 < events.size() && timers.anyDue(events.get(i + 1).occurredAt())) {
                break;
            }
        }
        consumed[0] = taken;
        return handled;
    }

    private boolean processOne(Stored event) {
        Instant now = clock.instant();
        try {
            latency.record(() -> tx.executeWithoutResult(status -> {
                dispatch(codec.decode(event.type(), event.payload()));
                store.markProcessed(List.of(event.seq()), now);
            }));
            processed.increment();
            return true;
        } catch (AwaitingPredecessorException e) {
            if (Duration.between(event.receivedAt(), now).compareTo(settings.predecessorTimeout()) > 0) {
                log.warn("inbox.parked eventId={} type={} reason=predecessor-timeout detail=\"{}\"", event.eventId(),
                        event.type(), e.getMessage());
                store.markFailed(event.seq(), event.attempts() + 1, now, "Predecessor never arrived: "
                        + e.getMessage(), true);
                parked.increment();
            } else {
                store.defer(event.seq(), now.plus(settings.predecessorRetry()), "Waiting: " + e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            int attempts = event.attempts() + 1;
            boolean park = attempts >= settings.maxAttempts();
            failed.increment();
            if (park) {
                parked.increment();
            }
            log.warn("inbox.failed eventId={} type={} attempts={} parked={} error={}", event.eventId(), event.type(),
                    attempts, park, e.toString());
            store.markFailed(event.seq(), attempts, now.plus(backoff(attempts)), describe(e), park);
            return false;
        }
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = settings.initialBackoff().multipliedBy(factor);
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private void dispatch(RetentionEvent event) {
        for (RetentionEventHandler handler : handlersFor(event.getClass())) {
            handler.handle(event);
        }
    }

    private List<RetentionEventHandler> handlersFor(Class<? extends RetentionEvent> type) {
        return handlersByType.computeIfAbsent(type,
                t -> handlers.stream().filter(h -> h.handles(type)).toList());
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        while (cause != null && text.length() < 3000) {
            text.append(" <- ").append(cause);
            cause = cause.getCause();
        }
        return text.toString();
    }
}
