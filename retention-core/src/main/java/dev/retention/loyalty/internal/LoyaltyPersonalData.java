package dev.retention.loyalty.internal;

import dev.retention.loyalty.Loyalty;
import dev.retention.privacy.PersonalDataHandler;
import dev.retention.referral.Referrals;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Export: account, full ledger, tier history and referrals. Erasure: removes the address and payment
 * fingerprints, admin free text on the customer's entries and the referral code; every amount stays so the
 * liability report and ledger sums still reconcile.
 */
public class LoyaltyPersonalData implements PersonalDataHandler {

    private final JdbcClient jdbc;
    private final Loyalty loyalty;
    private final Referrals referrals;

    public LoyaltyPersonalData(JdbcClient jdbc, Loyalty loyalty, Referrals referrals) {
        this.jdbc = jdbc;
        this.loyalty = loyalty;
        this.referrals = referrals;
    }

    @Override
    public String section() {
        return "loyalty";
    }

    @Override
    public Map<String, Object> export(String customerId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("account", loyalty.account(customerId).orElse(null));
        export.put("ledger", loyalty.history(customerId, 0, 200).size() < 200
                ? loyalty.history(customerId, 0, 200) : allEntries(customerId));
        export.put("tierHistory", loyalty.tierHistory(customerId));
        export.put("referredBy", referrals.find(customerId).orElse(null));
        export.put("referrals", referrals.referredBy(customerId));
        return export;
    }

    private Object allEntries(String customerId) {
        java.util.List<Object> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var entries = loyalty.history(customerId, page, 200);
            all.addAll(entries);
            if (entries.size() < 200) {
                return all;
            }
        }
    }

    @Override
    public void erase(String customerId, Instant erasedAt) {
        jdbc.sql("UPDATE rtn_loyalty_order SET address_fingerprint = NULL, payment_fingerprint = NULL"
                + " WHERE customer_id = ?").param(customerId).update();
        jdbc.sql("UPDATE rtn_loyalty_entry SET reason = 'Adjustment (erased)' WHERE customer_id = ?"
                + " AND entry_type = 'ADJUST'").param(customerId).update();
        referrals.erase(customerId);
    }
}
