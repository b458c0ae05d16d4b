package dev.retention.customer.internal;

import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.privacy.PersonalDataHandler;
import dev.retention.support.UtcTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Exports the profile, consents and orders; erasure clears contact fields and keeps order amounts. */
public class CustomerPersonalData implements PersonalDataHandler {

    private final JdbcClient jdbc;
    private final CustomerProfiles profiles;
    private final OrderHistory orders;

    public CustomerPersonalData(JdbcClient jdbc, CustomerProfiles profiles, OrderHistory orders) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.orders = orders;
    }

    @Override
    public String section() {
        return "profile";
    }

    @Override
    public Map<String, Object> export(String customerId) {
        Map<String, Object> section = new LinkedHashMap<>();
        profiles.find(customerId).ifPresent(p -> {
            section.put("email", p.email());
            section.put("displayName", p.displayName());
            section.put("locale", p.locale().toLanguageTag());
            section.put("timeZone", p.timeZone().getId());
            section.put("birthday", p.birthday() == null ? null : p.birthday().toString());
            section.put("marketingConsent", p.marketingConsent());
            section.put("acquisitionChannel", p.acquisitionChannel());
            section.put("registeredAt", p.registeredAt() == null ? null : p.registeredAt().toString());
        });
        List<Map<String, Object>> consents = jdbc.sql("SELECT channel, granted, changed_at FROM rtn_consent"
                        + " WHERE customer_id = ? ORDER BY channel")
                .param(customerId)
                .query((rs, n) -> Map.<String, Object>of("channel", rs.getString("channel"),
                        "granted", rs.getBoolean("granted"), "changedAt", String.valueOf(rs.getObject("changed_at"))))
                .list();
        section.put("consents", consents);
        section.put("orders", orders.ordersOf(customerId).stream().map(o -> Map.of(
                "orderId", o.orderId(), "placedAt", o.placedAt().toString(), "status", o.status().name(),
                "total", o.baseTotal().toPlainString(), "currency", o.baseCurrency(),
                "refunded", o.refunded().toPlainString())).toList());
        return section;
    }

    @Override
    public void erase(String customerId, Instant erasedAt) {
        jdbc.sql("UPDATE rtn_customer SET email = NULL, display_name = NULL, birthday = NULL, referral_code = NULL,"
                        + " marketing_consent = FALSE, erased_at = COALESCE(erased_at, ?) WHERE customer_id = ?")
                .params(UtcTime.toColumn(erasedAt), customerId)
                .update();
        jdbc.sql("UPDATE rtn_consent SET granted = FALSE WHERE customer_id = ?").param(customerId).update();
        jdbc.sql("UPDATE rtn_order SET address_fingerprint = NULL, payment_fingerprint = NULL WHERE customer_id = ?")
                .param(customerId)
                .update();
    }
}
