package dev.retention.analytics;

import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes customers and orders straight into the projection tables the reports read. */
final class Shop {

    private final JdbcClient jdbc;
    private final String prefix;
    private int orders;

    Shop(JdbcClient jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    String id(String name) {
        return prefix + name;
    }

    Shop customer(String name, String channel, String referralCode) {
        jdbc.sql("INSERT INTO rtn_customer (customer_id, email, locale, time_zone, marketing_consent,"
                        + " acquisition_channel, referral_code, registered_at, updated_at)"
                        + " VALUES (?, ?, 'en', 'UTC', ?, ?, ?, ?, ?)")
                .params(id(name), name + "@" + prefix + "example.com", true, channel, referralCode,
                        UtcTime.toColumn(Instant.EPOCH), UtcTime.toColumn(Instant.EPOCH))
                .update();
        return this;
    }

    /** A completed order at noon UTC of the day, with one line in the category. */
    String order(String customer, LocalDate day, String net, String category, String channel, String coupon) {
        return order(customer, day.atTime(12, 0).toInstant(ZoneOffset.UTC), net, "0", category, channel, coupon,
                "COMPLETED");
    }

    String order(String customer, Instant at, String net, String discounts, String category, String channel,
            String coupon, String status) {
        String orderId = prefix + "o" + (++orders);
        BigDecimal amount = new BigDecimal(net);
        BigDecimal discount = new BigDecimal(discounts);
        jdbc.sql("INSERT INTO rtn_order (order_id, customer_id, placed_at, status, currency, total, base_currency,"
                        + " base_subtotal, base_discounts, base_shipping, base_tax, base_total, base_net, base_refunded,"
                        + " coupon_codes, channel) VALUES (?, ?, ?, ?, 'EUR', ?, 'EUR', ?, ?, 0, 0, ?, ?, 0, ?, ?)")
                .params(orderId, id(customer), UtcTime.toColumn(at), status, amount, amount.add(discount), discount,
                        amount, amount, coupon, channel)
                .update();
        jdbc.sql("INSERT INTO rtn_order_line (order_id, line_no, product_id, category, quantity, unit_price,"
                        + " line_discount) VALUES (?, 1, ?, ?, 1, ?, 0)")
                .params(orderId, prefix + "p-" + category, category, amount.add(discount))
                .update();
        return orderId;
    }

    Shop cancelled(String customer, LocalDate day, String net) {
        order(customer, day.atTime(12, 0).toInstant(ZoneOffset.UTC), net, "0", "books", "web", null, "CANCELLED");
        return this;
    }

    Shop refund(String orderId, LocalDate day, String amount) {
        BigDecimal value = new BigDecimal(amount);
        jdbc.sql("INSERT INTO rtn_refund (refund_id, order_id, refunded_at, amount, base_amount, currency)"
                        + " VALUES (?, ?, ?, ?, ?, 'EUR')")
                .params(orderId + "-r", orderId, UtcTime.toColumn(day.atTime(13, 0).toInstant(ZoneOffset.UTC)), value,
                        value)
                .update();
        jdbc.sql("UPDATE rtn_order SET base_refunded = base_refunded + ? WHERE order_id = ?").params(value, orderId)
                .update();
        return this;
    }
}
