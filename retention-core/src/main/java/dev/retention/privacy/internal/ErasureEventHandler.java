package dev.retention.privacy.internal;

import dev.retention.host.CustomerErased;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.privacy.PrivacyService;

/** Runs the erasure when the host publishes {@link CustomerErased}. */
public class ErasureEventHandler implements RetentionEventHandler {

    private final PrivacyService privacy;

    public ErasureEventHandler(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return type == CustomerErased.class;
    }

    @Override
    public void handle(RetentionEvent event) {
        privacy.erase(event.customerId(), "host", event.occurredAt());
    }
}
