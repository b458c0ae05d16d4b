package dev.retention.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A customer as the events described them. {@code email} and {@code displayName} are null once erased.
 * {@code registeredAt} is null for customers first seen through an order (guest checkout or pre-existing).
 */
public record CustomerProfile(String customerId, String email, String displayName, Locale locale, ZoneId timeZone,
        LocalDate birthday, boolean marketingConsent, String acquisitionChannel, String referralCode,
        Instant registeredAt, Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }
}
