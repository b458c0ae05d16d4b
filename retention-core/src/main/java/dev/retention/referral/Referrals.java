package dev.retention.referral;

import dev.retention.customer.CustomerProfiles;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Referral codes and the referral funnel. Codes are derived from the customer id (so the same customer always
 * gets the same code, even before it is stored) and stored once. The loyalty programme calls the lifecycle
 * methods from its event handler, inside the inbox transaction.
 */
public class Referrals {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final DatabaseVendor vendor;
    private final CustomerProfiles profiles;
    private final Supplier<ReferralPolicy> policy;
    private final String insertCode;
    private final String insertReferral;

    public Referrals(JdbcClient jdbc, DatabaseVendor vendor, CustomerProfiles profiles,
            Supplier<ReferralPolicy> policy) {
        this.jdbc = jdbc;
        this.vendor = vendor;
        this.profiles = profiles;
        this.policy = policy;
        this.insertCode = vendor.insertIgnoring("rtn_referral_code", "customer_id, code, created_at", "customer_id");
        this.insertReferral = vendor.insertIgnoring("rtn_referral", "friend_id, referrer_id, code, status,"
                + " refused_reason, signed_up_at", "friend_id");
    }

    /** The customer's stable code, created on first use. */
    public String codeFor(String customerId, Instant at) {
        Optional<String> existing = jdbc.sql("SELECT code FROM rtn_referral_code WHERE customer_id = ?")
                .param(customerId).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = derive(customerId, attempt);
            boolean taken = jdbc.sql("SELECT COUNT(*) FROM rtn_referral_code WHERE code = ?").param(code)
                    .query(Long.class).single() > 0;
            if (taken) {
                continue;
            }
            var insert = jdbc.sql(insertCode);
            if (vendor.insertIgnoringBindsKeyFirst()) {
                insert = insert.param(customerId);
            }
            insert.param(customerId).param(code).param(UtcTime.toColumn(at)).update();
            return jdbc.sql("SELECT code FROM rtn_referral_code WHERE customer_id = ?").param(customerId)
                    .query(String.class).single();
        }
        throw new IllegalStateException("Could not find a free referral code for " + customerId);
    }

    public String linkFor(String code) {
        return policy.get().linkBase() + code;
    }

    /** Counts a share of the link (the social-share action earns points separately). */
    public void recordShare(String customerId, Instant at) {
        codeFor(customerId, at);
        jdbc.sql("UPDATE rtn_referral_code SET shares = shares + 1 WHERE customer_id = ?").param(customerId).update();
    }

    public Optional<String> referrerOf(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT customer_id FROM rtn_referral_code WHERE code = ?")
                .param(code.trim().toUpperCase(Locale.ROOT)).query(String.class).optional();
    }

    /**
     * A friend registered with a code. Self-referral and a friend with the referrer's e-mail are recorded as
     * REFUSED (counted, never rewarded). Returns the referral, or empty when the code is unknown or referrals are
     * off.
     */
    public Optional<Referral> signedUp(String friendId, String friendEmail, String code, Instant at) {
        ReferralPolicy rules = policy.get();
        Optional<String> referrer = referrerOf(code);
        if (!rules.enabled() || referrer.isEmpty()) {
            return Optional.empty();
        }
        String refused = null;
        if (referrer.get().equals(friendId)) {
            refused = "self-referral";
        } else if (rules.refuseSameEmail() && friendEmail != null) {
            String referrerEmail = profiles.find(referrer.get()).map(p -> p.email()).orElse(null);
            if (referrerEmail != null && normaliseEmail(referrerEmail).equals(normaliseEmail(friendEmail))) {
                refused = "same e-mail";
            }
        }
        var insert = jdbc.sql(insertReferral);
        if (vendor.insertIgnoringBindsKeyFirst()) {
            insert = insert.param(friendId);
        }
        insert.param(friendId).param(referrer.get()).param(code.trim().toUpperCase(Locale.ROOT))
                .param(refused == null ? "SIGNED_UP" : "REFUSED").param(refused).param(UtcTime.toColumn(at))
                .update();
        return find(friendId);
    }

    /**
     * The friend's first order: refused when it ships to an address or uses a payment instrument the referrer
     * used (the caller passes the referrer's fingerprints). Returns true when the friend earns the first-order
     * reward.
     */
    public boolean firstOrder(String friendId, String orderId, Instant at, boolean sameAddress, boolean samePayment) {
        Optional<Referral> referral = find(friendId);
        if (referral.isEmpty() || !"SIGNED_UP".equals(referral.get().status())) {
            return false;
        }
        ReferralPolicy rules = policy.get();
        String refused = rules.refuseSameAddress() && sameAddress ? "same address"
                : rules.refuseSamePayment() && samePayment ? "same payment" : null;
        jdbc.sql("UPDATE rtn_referral SET status = ?, refused_reason = ?, first_order_id = ?, ordered_at = ?"
                        + " WHERE friend_id = ? AND status = 'SIGNED_UP'")
                .params(refused == null ? "ORDERED" : "REFUSED", refused, orderId, UtcTime.toColumn(at), friendId)
                .update();
        return refused == null;
    }

    /** The referral whose first order this is, while it waits for its points to confirm. */
    public Optional<Referral> awaitingReward(String friendId, String orderId) {
        return find(friendId).filter(r -> "ORDERED".equals(r.status()) && orderId.equals(r.firstOrderId()));
    }

    public void rewarded(String friendId, long points, Instant at) {
        jdbc.sql("UPDATE rtn_referral SET status = 'REWARDED', rewarded_at = ?, referrer_points = ?"
                        + " WHERE friend_id = ? AND status = 'ORDERED'")
                .params(UtcTime.toColumn(at), points, friendId).update();
    }

    public Optional<Referral> find(String friendId) {
        return jdbc.sql("SELECT * FROM rtn_referral WHERE friend_id = ?").param(friendId)
                .query((rs, n) -> new Referral(rs.getString("friend_id"), rs.getString("referrer_id"),
                        rs.getString("code"), rs.getString("status"), rs.getString("refused_reason"),
                        UtcTime.read(rs, "signed_up_at"), rs.getString("first_order_id"),
                        UtcTime.read(rs, "ordered_at"), UtcTime.read(rs, "rewarded_at"),
                        rs.getLong("referrer_points")))
                .optional();
    }

    public List<Referral> referredBy(String referrerId) {
        return jdbc.sql("SELECT friend_id FROM rtn_referral WHERE referrer_id = ? ORDER BY signed_up_at")
                .param(referrerId).query(String.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    public ReferralSummary summary(String customerId, Instant at) {
        String code = codeFor(customerId, at);
        long shared = jdbc.sql("SELECT shares FROM rtn_referral_code WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
        List<Referral> friends = referredBy(customerId);
        long refused = friends.stream().filter(r -> "REFUSED".equals(r.status())).count();
        long ordered = friends.stream().filter(r -> r.firstOrderId() != null && !"REFUSED".equals(r.status())).count();
        long rewarded = friends.stream().filter(r -> "REWARDED".equals(r.status())).count();
        long points = friends.stream().mapToLong(Referral::referrerPoints).sum();
        return new ReferralSummary(customerId, code, linkFor(code), shared, friends.size() - refused, ordered,
                rewarded, refused, points);
    }

    /** Pseudonymises what referrals hold about an erased customer; counts and points stay. */
    public void erase(String customerId) {
        jdbc.sql("UPDATE rtn_referral_code SET code = ? WHERE customer_id = ?")
                .params("X" + derive(customerId, 7).substring(1), customerId).update();
    }

    static String normaliseEmail(String email) {
        String lower = email.trim().toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return local.replace(".", "") + lower.substring(at);
    }

    static String derive(String customerId, int attempt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((attempt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                code.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
            }
            return code.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
