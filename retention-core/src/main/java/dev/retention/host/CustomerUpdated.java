package dev.retention.host;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** The shopper changed their profile; carries the full current values, not a diff. */
public record CustomerUpdated(String eventId, Instant occurredAt, String customerId, String email,
        String displayName, Locale locale, ZoneId timeZone, LocalDate birthday) implements RetentionEvent {

    public CustomerUpdated {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        email = Require.email(email, "email");
        locale = Require.locale(locale, "locale");
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }
}
