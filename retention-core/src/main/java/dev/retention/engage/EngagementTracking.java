package dev.retention.engage;

import dev.retention.support.UtcTime;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the shopper did with a message: opens (pixel), clicks (signed redirect) and one-click unsubscribes. Every
 * method takes the token from the link and refuses (empty / false) one that was not signed by us.
 */
public class EngagementTracking {

    private final JdbcClient jdbc;
    private final SignedLinks links;
    private final Unsubscribes unsubscribes;
    private final Clock clock;

    public EngagementTracking(JdbcClient jdbc, SignedLinks links, Unsubscribes unsubscribes, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.unsubscribes = unsubscribes;
        this.clock = clock;
    }

    /** Records an open; returns whether the token was valid. */
    public boolean opened(String token) {
        Optional<List<String>> fields = links.verify(token, "o");
        if (fields.isEmpty()) {
            return false;
        }
        record(fields.get().get(1), "OPEN", null);
        return true;
    }

    /** Records a click and returns the URL the token signed; empty for a forged or altered token. */
    public Optional<URI> clicked(String token) {
        Optional<List<String>> fields = links.verify(token, "c");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String messageId = fields.get().get(1);
        String url = fields.get().get(2);
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            return Optional.empty();
        }
        record(messageId, "CLICK", url);
        return Optional.of(target);
    }

    /** What a one-click unsubscribe token stands for. */
    public record UnsubscribeRequest(String customerId, String flow, String channel) {
    }

    /** Reads an unsubscribe token without acting on it (for the confirmation page). */
    public Optional<UnsubscribeRequest> unsubscribeRequest(String token) {
        return links.verify(token, "u").map(f -> new UnsubscribeRequest(f.get(1), f.get(2), f.get(3)));
    }

    /** Unsubscribes as the token says; returns what was stopped, empty for a bad token. */
    public Optional<UnsubscribeRequest> unsubscribe(String token) {
        Optional<UnsubscribeRequest> request = unsubscribeRequest(token);
        request.ifPresent(r -> unsubscribes.unsubscribe(r.customerId(), r.flow(), r.channel(), clock.instant()));
        return request;
    }

    private void record(String messageId, String kind, String url) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO rtn_engage_interaction (message_id, kind, occurred_at, url) VALUES (?, ?, ?, ?)")
                .params(messageId, kind, UtcTime.toColumn(now), url == null ? null : url.substring(0,
                        Math.min(url.length(), 2000)))
                .update();
        // A click implies an open (images are often blocked).
        jdbc.sql("UPDATE rtn_engage_message SET opened_at = ? WHERE message_id = ? AND opened_at IS NULL")
                .params(UtcTime.toColumn(now), messageId)
                .update();
        if ("CLICK".equals(kind)) {
            jdbc.sql("UPDATE rtn_engage_message SET clicked_at = ? WHERE message_id = ?")
                    .params(UtcTime.toColumn(now), messageId)
                    .update();
        }
    }
}
