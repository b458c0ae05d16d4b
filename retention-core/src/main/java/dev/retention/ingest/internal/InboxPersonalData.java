package dev.retention.ingest.internal;

import dev.retention.privacy.PersonalDataHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox keeps every event's payload; erasure pseudonymises the personal fields in the customer's events so
 * that a later replay still parses (the e-mail becomes an address in the reserved {@code .invalid} domain).
 */
public class InboxPersonalData implements PersonalDataHandler {

    private static final Set<String> CLEARED = Set.of("displayName", "birthday", "addressFingerprint",
            "paymentFingerprint");

    private final InboxStore store;
    private final EventCodec codec;

    public InboxPersonalData(InboxStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    @Override
    public String section() {
        return "events";
    }

    @Override
    public Map<String, Object> export(String customerId) {
        List<Map<String, Object>> events = store.eventsOf(customerId).stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("eventId", e.eventId());
            row.put("type", e.type());
            row.put("occurredAt", e.occurredAt().toString());
            row.put("payload", codec.mapper().readValue(e.payload(), Map.class));
            return row;
        }).toList();
        return Map.of("count", events.size(), "events", events);
    }

    @Override
    public void erase(String customerId, Instant erasedAt) {
        String pseudonym = "erased-" + sha256(customerId).substring(0, 16) + "@erased.invalid";
        for (InboxStore.Stored event : store.eventsOf(customerId)) {
            JsonNode tree = codec.mapper().readTree(event.payload());
            if (tree instanceof ObjectNode object) {
                boolean changed = false;
                if (object.has("email")) {
                    object.put("email", pseudonym);
                    changed = true;
                }
                for (String field : CLEARED) {
                    if (object.has(field) && !object.get(field).isNull()) {
                        object.putNull(field);
                        changed = true;
                    }
                }
                if (changed) {
                    store.replacePayload(event.seq(), codec.mapper().writeValueAsString(object));
                }
            }
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
