package dev.retention.host;

import java.time.Instant;

/**
 * The shopper gave or withdrew consent for marketing on a channel.
 *
 * @param channel {@code email}, {@code sms} or {@code push}
 */
public record ConsentChanged(String eventId, Instant occurredAt, String customerId, String channel,
        boolean granted) implements RetentionEvent {

    public ConsentChanged {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        Require.text(channel, "channel");
    }
}
