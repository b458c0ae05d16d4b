package dev.retention.host;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A shopper created an account.
 *
 * @param email              contact address (personal data: erased on request)
 * @param locale             the shopper's language, e.g. {@code pt-BR}; defaults to English
 * @param timeZone           used for quiet hours and birthdays; defaults to UTC
 * @param birthday           optional; only month and day are used for birthday rewards
 * @param marketingConsent   whether the shopper agreed to marketing messages
 * @param acquisitionChannel optional channel the shopper came from (e.g. {@code organic}, {@code paid-social})
 * @param referralCode       optional referral code the shopper signed up with
 */
public record CustomerRegistered(String eventId, Instant occurredAt, String customerId, String email,
        String displayName, Locale locale, ZoneId timeZone, LocalDate birthday, boolean marketingConsent,
        String acquisitionChannel, String referralCode) implements RetentionEvent {

    public CustomerRegistered {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        email = Require.email(email, "email");
        locale = Require.locale(locale, "locale");
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }
}
