package dev.retention.ingest;

import dev.retention.ingest.internal.InboxProcessor;
import dev.retention.ingest.internal.InboxStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The inbox as the admin sees it: health counts, parked events, retry. */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final InboxStore store;
    private final InboxProcessor processor;
    private final Clock clock;

    public Inbox(InboxStore store, InboxProcessor processor, Clock clock) {
        this.store = store;
        this.processor = processor;
        this.clock = clock;
    }

    public InboxStats stats() {
        return store.stats();
    }

    /** Events newest first, optionally of one status, paged. */
    public List<InboxEntry> list(InboxStatus status, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page: must not be negative, was " + page);
        }
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("size: must be between 1 and 500, was " + size);
        }
        return store.list(status, page * size, size);
    }

    public Optional<InboxEntry> find(String eventId) {
        return store.find(eventId);
    }

    /**
     * Puts a parked event back in line with a fresh attempt count. Returns false when no parked event has this id.
     */
    public boolean retry(String eventId, String requestedBy) {
        boolean retried = store.retry(eventId, clock.instant());
        if (retried) {
            log.info("inbox.retry eventId={} by={}", eventId, requestedBy);
        }
        return retried;
    }

    /**
     * Processes everything due now on the calling thread and returns the number of events handled. The background
     * worker does this continuously; call it directly in tests or after a bulk import.
     */
    public int processNow() {
        return processor.processDue();
    }

    /** Processes until nothing is due (events published by handlers included). */
    public int drain() {
        int total = 0;
        int handled;
        while ((handled = processor.processDue()) > 0) {
            total += handled;
        }
        return total;
    }
}
