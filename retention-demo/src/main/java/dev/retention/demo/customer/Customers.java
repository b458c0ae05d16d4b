package dev.retention.demo.customer;

import dev.retention.support.UtcTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Shop customers (table shop_customer). */
@Repository
public class Customers {

    private static final String COLUMNS = "id, email, password_hash, display_name, locale, time_zone, birthday,"
            + " marketing_consent, consent_version, acquisition_channel, referral_code, referred_by_code,"
            + " profile_version, erased, registered_at";

    private final JdbcClient jdbc;

    public Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_customer WHERE id = ?").param(id).query(Customers::map)
                .optional();
    }

    public Optional<Customer> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_customer WHERE email = ? AND erased = FALSE")
                .param(email.trim().toLowerCase()).query(Customers::map).optional();
    }

    public Optional<Customer> byReferralCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shop_customer WHERE referral_code = ? AND erased = FALSE")
                .param(code.trim().toUpperCase()).query(Customers::map).optional();
    }

    public long insert(String email, String passwordHash, String displayName, String locale, String timeZone,
            LocalDate birthday, boolean consent, String channel, String referredBy, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shop_customer (email, password_hash, display_name, locale, time_zone, birthday,"
                        + " marketing_consent, acquisition_channel, referral_code, referred_by_code, registered_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(email.trim().toLowerCase(), passwordHash, displayName, locale, timeZone,
                        birthday == null ? null : Date.valueOf(birthday), consent, channel,
                        "TMP-" + email.hashCode(), referredBy, UtcTime.toColumn(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE shop_customer SET referral_code = ? WHERE id = ?").params(referralCode(id), id).update();
        return id;
    }

    /** The referral code of customer {@code id}: readable, unique, derived from the id. */
    public static String referralCode(long id) {
        return "FRIEND" + Long.toString(id * 7919 + 1000, 36).toUpperCase();
    }

    public void updateProfile(long id, String displayName, String locale, String timeZone, LocalDate birthday) {
        jdbc.sql("UPDATE shop_customer SET display_name = ?, locale = ?, time_zone = ?, birthday = ?,"
                        + " profile_version = profile_version + 1 WHERE id = ?")
                .params(displayName, locale, timeZone, birthday == null ? null : Date.valueOf(birthday), id).update();
    }

    public void updateConsent(long id, boolean consent) {
        jdbc.sql("UPDATE shop_customer SET marketing_consent = ?, consent_version = consent_version + 1 WHERE id = ?")
                .params(consent, id).update();
    }

    /** Removes personal data (account, delivery addresses, view history link), keeping rows orders refer to. */
    public void erase(long id) {
        jdbc.sql("UPDATE shop_customer SET email = ?, password_hash = '!', display_name = 'Erased customer',"
                        + " birthday = NULL, marketing_consent = FALSE, erased = TRUE WHERE id = ?")
                .params("erased-" + id + "@invalid", id).update();
        jdbc.sql("UPDATE shop_order SET ship_name = 'Erased customer', ship_address = 'erased' WHERE customer_id = ?")
                .param(id).update();
        jdbc.sql("UPDATE shop_product_view SET customer_id = NULL WHERE customer_id = ?").param(id).update();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM shop_customer").query(Long.class).single();
    }

    static Customer map(ResultSet rs, int row) throws SQLException {
        Date birthday = rs.getDate(7);
        return new Customer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), birthday == null ? null : birthday.toLocalDate(), rs.getBoolean(8), rs.getInt(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13), rs.getBoolean(14),
                UtcTime.read(rs, "registered_at"));
    }
}
