package dev.retention.customer;

import dev.retention.support.UtcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads customer profiles. */
public class CustomerProfiles {

    static final String COLUMNS = "customer_id, email, display_name, locale, time_zone, birthday, marketing_consent,"
            + " acquisition_channel, referral_code, registered_at, erased_at";

    private final JdbcClient jdbc;

    public CustomerProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CustomerProfile> find(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rtn_customer WHERE customer_id = ?")
                .param(customerId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Customers whose e-mail, name or id contains the text (case-insensitive), at most {@code limit}. */
    public List<CustomerProfile> search(String text, int limit) {
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM rtn_customer WHERE LOWER(email) LIKE ? OR LOWER(display_name)"
                        + " LIKE ? OR LOWER(customer_id) LIKE ? ORDER BY customer_id")
                .params(like, like, like)
                .withMaxRows(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Whether the customer may receive marketing on the channel (consent given and not erased). */
    public boolean hasMarketingConsent(String customerId, String channel) {
        return jdbc.sql("SELECT c.granted FROM rtn_consent c JOIN rtn_customer p ON p.customer_id = c.customer_id"
                        + " WHERE c.customer_id = ? AND c.channel = ? AND p.erased_at IS NULL")
                .params(customerId, channel)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    static CustomerProfile map(ResultSet rs) throws SQLException {
        return new CustomerProfile(rs.getString("customer_id"), rs.getString("email"), rs.getString("display_name"),
                Locale.forLanguageTag(rs.getString("locale")), ZoneId.of(rs.getString("time_zone")),
                rs.getObject("birthday", LocalDate.class), rs.getBoolean("marketing_consent"),
                rs.getString("acquisition_channel"), rs.getString("referral_code"),
                UtcTime.read(rs, "registered_at"), UtcTime.read(rs, "erased_at"));
    }
}
