package dev.retention.host;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the host supports, so features that depend on a missing event or port switch themselves off visibly
 * (shown on the admin operations page) instead of silently producing empty reports.
 *
 * @param events            event types the host publishes
 * @param supportsStoreCredit whether {@link DiscountPort#issueStoreCredit} does anything
 */
public record HostCapabilities(Set<Class<? extends RetentionEvent>> events, Set<Port> ports,
        boolean supportsStoreCredit) {

    /** The ports Retention Kit may call. */
    public enum Port {
        CATALOG, CUSTOMER_DIRECTORY, DISCOUNT, MESSAGING
    }

    public HostCapabilities {
        events = Set.copyOf(events);
        ports = ports.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ports));
    }

    /** A host that publishes every event type. */
    @SuppressWarnings("unchecked")
    public static Set<Class<? extends RetentionEvent>> allEvents() {
        Set<Class<? extends RetentionEvent>> all = new java.util.HashSet<>();
        for (Class<?> permitted : RetentionEvent.class.getPermittedSubclasses()) {
            all.add((Class<? extends RetentionEvent>) permitted);
        }
        return all;
    }

    public boolean publishes(Class<? extends RetentionEvent> type) {
        return events.contains(type);
    }

    public boolean has(Port port) {
        return ports.contains(port);
    }
}
