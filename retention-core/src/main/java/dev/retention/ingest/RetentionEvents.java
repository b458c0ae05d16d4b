package dev.retention.ingest;

import dev.retention.host.RetentionEvent;
import dev.retention.ingest.internal.EventCodec;
import dev.retention.ingest.internal.InboxStore;
import dev.retention.ingest.internal.InboxStore.NewEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The host's entry point: {@code retentionEvents.publish(new OrderPlaced(...))}.
 *
 * <p>The event is stored in the inbox within the caller's transaction if there is one (so an order that rolls back
 * leaves no event behind) and processed asynchronously after commit. Publishing never runs Retention Kit's business
 * rules on the caller's thread and never throws because of them; if the inbox itself cannot be written the event is
 * held in memory, logged and counted ({@code retention.events.deferred}) and stored on a later attempt.
 * Invalid events never get here: their constructors refuse them.
 */
public class RetentionEvents {

    private static final Logger log = LoggerFactory.getLogger(RetentionEvents.class);

    private final InboxStore store;
    private final EventCodec codec;
    private final Clock clock;
    private final Runnable nudge;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final Counter deferred;
    private final BlockingQueue<RetentionEvent> backlog = new ArrayBlockingQueue<>(10_000);

    public RetentionEvents(InboxStore store, EventCodec codec, Clock clock, Runnable nudge, MeterRegistry meters) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.nudge = nudge;
        this.meters = meters;
        this.duplicates = Counter.builder("retention.events.duplicates")
                .description("Events published again with an id already stored").register(meters);
        this.deferred = Counter.builder("retention.events.deferred")
                .description("Events held in memory because the inbox could not be written").register(meters);
    }

    /** Stores one event for processing. */
    public PublishResult publish(RetentionEvent event) {
        Objects.requireNonNull(event, "event");
        PublishSummary summary = publishAll(List.of(event));
        if (summary.deferred() > 0) {
            return PublishResult.DEFERRED;
        }
        return summary.accepted() == 1 ? PublishResult.ACCEPTED : PublishResult.DUPLICATE;
    }

    /** Stores many events in one batch (history imports, replays); duplicates are skipped and counted. */
    public PublishSummary publishAll(Collection<? extends RetentionEvent> events) {
        List<NewEvent> rows = new ArrayList<>(events.size());
        for (RetentionEvent event : events) {
            Objects.requireNonNull(event, "events must not contain null");
            rows.add(new NewEvent(event.eventId(), event.type(), event.customerId(), event.occurredAt(),
                    codec.encode(event)));
            Counter.builder("retention.events.received").tag("type", event.type()).register(meters).increment();
        }
        try {
            boolean[] inserted = store.insert(rows, clock.instant());
            int accepted = 0;
            for (boolean one : inserted) {
                accepted += one ? 1 : 0;
            }
            int duplicate = rows.size() - accepted;
            duplicates.increment(duplicate);
            if (accepted > 0) {
                afterCommit(nudge);
            }
            return new PublishSummary(accepted, duplicate, 0);
        } catch (DataAccessException e) {
            int held = 0;
            for (RetentionEvent event : events) {
                if (backlog.offer(event)) {
                    held++;
                }
            }
            deferred.increment(events.size());
            log.error("inbox.write.failed events={} held={} error={}", events.size(), held, e.toString());
            return new PublishSummary(0, 0, events.size());
        }
    }

    /** Tries again to store events held in memory after an inbox write failure; called by the worker. */
    public int flushDeferred() {
        List<RetentionEvent> held = new ArrayList<>();
        backlog.drainTo(held);
        if (held.isEmpty()) {
            return 0;
        }
        PublishSummary summary = publishAll(held);
        return summary.accepted();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** Outcome of {@link #publishAll}. */
    public record PublishSummary(int accepted, int duplicates, int deferred) {
    }
}
