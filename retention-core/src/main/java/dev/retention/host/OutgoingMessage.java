package dev.retention.host;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered message ready to deliver.
 *
 * @param messageId stable id (also the e-mail Message-ID); a re-delivery of the same message carries the same id,
 *                  so an adapter that remembers ids can drop duplicates
 * @param channel   {@code email}, {@code sms} or {@code push}
 * @param headers   extra headers, e.g. {@code List-Unsubscribe}
 */
public record OutgoingMessage(String messageId, String channel, String customerId, String to, Locale locale,
        String subject, String htmlBody, String textBody, Map<String, String> headers) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
