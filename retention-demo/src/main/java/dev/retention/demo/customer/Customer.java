package dev.retention.demo.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A registered shopper. The customer id Retention Kit sees is {@link #customerId()}. */
public record Customer(long id, String email, String passwordHash, String displayName, String locale, String timeZone,
        LocalDate birthday, boolean marketingConsent, int consentVersion, String acquisitionChannel,
        String referralCode, String referredByCode, int profileVersion, boolean erased, Instant registeredAt) {

    public String customerId() {
        return String.valueOf(id);
    }
}
