package dev.retention.ingest.internal;

import dev.retention.host.RetentionEvent;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into the JSON stored in the inbox and back. Uses its own mapper, not the host's, so a host's
 * Jackson customisation can never change the stored format.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Class<? extends RetentionEvent>> types = new HashMap<>();

    @SuppressWarnings("unchecked")
    public EventCodec() {
        for (Class<?> type : RetentionEvent.class.getPermittedSubclasses()) {
            types.put(type.getSimpleName(), (Class<? extends RetentionEvent>) type);
        }
    }

    public String encode(RetentionEvent event) {
        return mapper.writeValueAsString(event);
    }

    public RetentionEvent decode(String type, String json) {
        Class<? extends RetentionEvent> eventClass = types.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("Unknown event type '" + type + "'");
        }
        return mapper.readValue(json, eventClass);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
