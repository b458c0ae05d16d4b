package dev.retention.demo.seed;

import dev.retention.demo.catalog.Category;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.customer.Customer;
import dev.retention.demo.order.ShopOrder;
import dev.retention.demo.order.ShopOrderLine;
import dev.retention.support.UtcTime;
import java.sql.Date;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes a generated history into the shop's tables with batched inserts. */
@Component
public class SeedWriter {

    private final JdbcTemplate jdbc;

    public SeedWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void writeCatalog(List<Category> categories, List<Product> products) {
        List<Object[]> rows = new ArrayList<>();
        for (Category c : categories) {
            rows.add(new Object[] {c.id(), c.name(), c.description(), c.consumable(), c.hue(), c.sortOrder()});
        }
        jdbc.batchUpdate("INSERT INTO shop_category (id, name, description, consumable, hue, sort_order)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
        for (Product p : products) {
            rows.add(new Object[] {p.id(), p.sku(), p.name(), p.categoryId(), p.description(), p.price(), p.stock(),
                p.variantGroup(), p.variantLabel(), p.repurchasable(), p.replenishmentDays(), p.shape(), p.hue(),
                UtcTime.toColumn(p.publishedAt())});
        }
        jdbc.batchUpdate("INSERT INTO shop_product (id, sku, name, category_id, description, price, stock, variant_group,"
                + " variant_label, repurchasable, replenishment_days, shape, hue, published_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public void writeHistory(SeedHistory history) {
        List<Object[]> rows = new ArrayList<>();
        for (Customer c : history.customers()) {
            rows.add(new Object[] {c.id(), c.email(), c.passwordHash(), c.displayName(), c.locale(), c.timeZone(),
                c.birthday() == null ? null : Date.valueOf(c.birthday()), c.marketingConsent(), c.consentVersion(),
                c.acquisitionChannel(), c.referralCode(), c.referredByCode(), c.profileVersion(), c.erased(),
                UtcTime.toColumn(c.registeredAt())});
        }
        insert("INSERT INTO shop_customer (id, email, password_hash, display_name, locale, time_zone, birthday,"
                + " marketing_consent, consent_version, acquisition_channel, referral_code, referred_by_code,"
                + " profile_version, erased, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);

        List<Object[]> lines = new ArrayList<>();
        for (SeedHistory.Cart c : history.carts()) {
            rows.add(new Object[] {c.id(), c.customerId(), c.sessionId(), c.status(), c.version(),
                UtcTime.toColumn(c.createdAt()), UtcTime.toColumn(c.updatedAt())});
            for (long[] line : c.lines()) {
                lines.add(new Object[] {c.id(), line[0], (int) line[1]});
            }
        }
        insert("INSERT INTO shop_cart (id, customer_id, session_id, status, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        insert("INSERT INTO shop_cart_line (cart_id, product_id, quantity) VALUES (?, ?, ?)", lines);

        for (SeedHistory.View v : history.views()) {
            rows.add(new Object[] {v.id(), v.sessionId(), v.customerId(), v.productId(), UtcTime.toColumn(v.at())});
        }
        insert("INSERT INTO shop_product_view (id, session_id, customer_id, product_id, viewed_at)"
                + " VALUES (?, ?, ?, ?, ?)", rows);

        for (ShopOrder o : history.orders()) {
            rows.add(new Object[] {o.id(), o.customerId(), o.checkoutId(), o.status().name(), o.currency(), o.subtotal(),
                o.discounts(), o.shipping(), o.tax(), o.total(), o.refunded(), o.couponCode(), o.shipName(),
                o.shipAddress(), o.addressFingerprint(), o.paymentFingerprint(), o.channel(),
                UtcTime.toColumn(o.placedAt()), o.deliveredAt() == null ? null : UtcTime.toColumn(o.deliveredAt()),
                o.cancelledAt() == null ? null : UtcTime.toColumn(o.cancelledAt())});
            for (ShopOrderLine l : o.lines()) {
                lines.add(new Object[] {o.id(), l.lineNo(), l.productId(), l.productName(), l.categoryId(), l.quantity(),
                    l.unitPrice(), l.lineDiscount(), l.refundedQuantity()});
            }
        }
        insert("INSERT INTO shop_order (id, customer_id, checkout_id, status, currency, subtotal, discounts, shipping,"
                + " tax, total, refunded, coupon_code, ship_name, ship_address, address_fingerprint,"
                + " payment_fingerprint, channel, placed_at, delivered_at, cancelled_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        insert("INSERT INTO shop_order_line (order_id, line_no, product_id, product_name, category_id, quantity,"
                + " unit_price, line_discount, refunded_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);

        for (SeedHistory.Refund r : history.refunds()) {
            rows.add(new Object[] {r.id(), r.orderId(), r.amount(), r.reason(), UtcTime.toColumn(r.at())});
            for (SeedHistory.RefundRow l : r.lines()) {
                lines.add(new Object[] {r.id(), l.productId(), l.quantity(), l.amount()});
            }
        }
        insert("INSERT INTO shop_refund (id, order_id, amount, reason, created_at) VALUES (?, ?, ?, ?, ?)", rows);
        insert("INSERT INTO shop_refund_line (refund_id, product_id, quantity, amount) VALUES (?, ?, ?, ?)", lines);

        for (SeedHistory.Review r : history.reviews()) {
            rows.add(new Object[] {r.id(), r.productId(), r.customerId(), r.rating(), r.title(), r.body(),
                UtcTime.toColumn(r.at())});
        }
        insert("INSERT INTO shop_review (id, product_id, customer_id, rating, title, body, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows);

        for (SeedHistory.Coupon c : history.coupons()) {
            rows.add(new Object[] {c.code(), String.valueOf(c.customerId()), "seeded promotion", "PERCENT",
                java.math.BigDecimal.TEN, new java.math.BigDecimal("20.00"), UtcTime.toColumn(c.createdAt()
                        .plus(30, ChronoUnit.DAYS)), c.orderId(), UtcTime.toColumn(c.createdAt())});
        }
        insert("INSERT INTO shop_coupon (code, customer_id, purpose, kind, percent, cap, valid_until, used_order_id,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);

        // Customers who erased their account: their delivery addresses go too, as Customers.erase does live.
        jdbc.update("UPDATE shop_order SET ship_name = 'Erased customer', ship_address = 'erased'"
                + " WHERE customer_id IN (SELECT id FROM shop_customer WHERE erased = TRUE)");
        jdbc.update("UPDATE shop_product_view SET customer_id = NULL"
                + " WHERE customer_id IN (SELECT id FROM shop_customer WHERE erased = TRUE)");

        restart("shop_customer", "id");
        restart("shop_cart", "id");
        restart("shop_product_view", "id");
        restart("shop_order", "id");
        restart("shop_refund", "id");
        restart("shop_review", "id");
    }

    private void insert(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 5000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5000)));
        }
        rows.clear();
    }

    /** Moves an identity column past the seeded ids, so live rows continue the sequence. */
    private void restart(String table, String column) {
        Long max = jdbc.queryForObject("SELECT MAX(" + column + ") FROM " + table, Long.class);
        if (max != null) {
            jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + (max + 1));
        }
    }
}
