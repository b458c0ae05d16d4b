package dev.retention.host;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** A customer's current contact data as the host knows it. */
public record CustomerContact(String customerId, String displayName, String email, Locale locale, ZoneId timeZone) {

    public CustomerContact {
        Objects.requireNonNull(customerId, "customerId");
        locale = locale == null ? Locale.ENGLISH : locale;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }
}
