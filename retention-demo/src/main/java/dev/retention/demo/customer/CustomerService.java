package dev.retention.demo.customer;

import dev.retention.demo.web.ShopEvents;
import dev.retention.ingest.RetentionEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration and account changes; each publishes its Retention Kit event in the same transaction. */
@Service
public class CustomerService {

    public static final Set<String> LOCALES = Set.of("en", "pt-BR", "ro", "pl");

    private final Customers customers;
    private final PasswordEncoder passwords;
    private final RetentionEvents events;
    private final Clock clock;

    public CustomerService(Customers customers, PasswordEncoder passwords, RetentionEvents events, Clock clock) {
        this.customers = customers;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** Thrown when the e-mail address is already registered. */
    public static class EmailTakenException extends RuntimeException {
        public EmailTakenException(String email) {
            super("email: already registered");
        }
    }

    @Transactional
    public Customer register(String email, String password, String displayName, String locale, String timeZone,
            LocalDate birthday, boolean consent, String channel, String referralCode) {
        if (customers.byEmail(email).isPresent()) {
            throw new EmailTakenException(email);
        }
        String referredBy = referralCode == null || referralCode.isBlank() ? null
                : customers.byReferralCode(referralCode).map(Customer::referralCode).orElse(null);
        Instant now = clock.instant();
        long id = customers.insert(email, passwords.encode(password), displayName, locale(locale), zone(timeZone),
                birthday, consent, referredBy != null ? "referral" : channel, referredBy, now);
        Customer customer = customers.byId(id).orElseThrow();
        events.publish(ShopEvents.registered(customer));
        return customer;
    }

    @Transactional
    public Customer updateProfile(long id, String displayName, String locale, String timeZone, LocalDate birthday) {
        customers.updateProfile(id, displayName, locale(locale), zone(timeZone), birthday);
        Customer customer = customers.byId(id).orElseThrow();
        events.publish(ShopEvents.updated(customer, clock.instant()));
        return customer;
    }

    @Transactional
    public Customer changeConsent(long id, boolean consent) {
        Customer before = customers.byId(id).orElseThrow();
        if (before.marketingConsent() == consent) {
            return before;
        }
        customers.updateConsent(id, consent);
        Customer customer = customers.byId(id).orElseThrow();
        events.publish(ShopEvents.consentChanged(customer, clock.instant()));
        return customer;
    }

    @Transactional
    public void erase(long id) {
        customers.erase(id);
        events.publish(ShopEvents.erased(id, clock.instant()));
    }

    private static String locale(String locale) {
        return locale != null && LOCALES.contains(locale) ? locale : "en";
    }

    private static String zone(String zone) {
        try {
            return zone == null || zone.isBlank() ? "UTC" : ZoneId.of(zone).getId();
        } catch (RuntimeException e) {
            return "UTC";
        }
    }

    public static Locale toLocale(String tag) {
        return Locale.forLanguageTag(tag);
    }
}
