package dev.retention.demo.checkout;

import dev.retention.host.CouponOffer;
import dev.retention.host.DiscountGrant;
import dev.retention.host.DiscountPort;
import dev.retention.host.DiscountSpec;
import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The shop's side of {@link DiscountPort}: grants are rows in shop_discount keyed by checkout id that the checkout
 * applies; coupons are single-use codes in shop_coupon; store credit is a ledger in shop_store_credit.
 */
@Component
public class ShopDiscounts implements DiscountPort {

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ShopDiscounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void grant(DiscountGrant grant) {
        Discount d = toDiscount(grant.discount(), grant.label());
        int updated = jdbc.sql("UPDATE shop_discount SET kind = ?, amount = ?, percent = ?, cap = ?, product_id = ?,"
                        + " label = ?, revoked = FALSE WHERE checkout_id = ? AND grant_id = ?")
                .params(d.kind(), d.amount(), d.percent(), d.cap(), d.productId(), d.label(), grant.checkoutId(),
                        grant.grantId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO shop_discount (checkout_id, grant_id, customer_id, kind, amount, percent, cap,"
                            + " product_id, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(grant.checkoutId(), grant.grantId(), grant.customerId(), d.kind(), d.amount(),
                            d.percent(), d.cap(), d.productId(), d.label(), UtcTime.toColumn(clock.instant()))
                    .update();
        }
    }

    @Override
    public void revoke(String checkoutId, String grantId) {
        jdbc.sql("UPDATE shop_discount SET revoked = TRUE WHERE checkout_id = ? AND grant_id = ?")
                .params(checkoutId, grantId).update();
    }

    @Override
    public String issueCoupon(String customerId, CouponOffer offer, Instant validUntil) {
        Discount d = toDiscount(offer.discount(), offer.purpose());
        String code = newCode();
        jdbc.sql("INSERT INTO shop_coupon (code, customer_id, purpose, kind, amount, percent, cap, product_id,"
                        + " minimum_order, valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, customerId, offer.purpose(), d.kind(), d.amount(), d.percent(), d.cap(), d.productId(),
                        offer.minimumOrder(), UtcTime.toColumn(validUntil), UtcTime.toColumn(clock.instant()))
                .update();
        return code;
    }

    @Override
    public Optional<String> issueStoreCredit(String customerId, BigDecimal amount, String currency, String reason) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shop_store_credit (customer_id, amount, currency, reason, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(Long.parseLong(customerId), amount, currency, reason == null ? "store credit" : reason,
                        UtcTime.toColumn(clock.instant()))
                .update(keys, "id");
        return Optional.of("credit-" + keys.getKey().longValue());
    }

    /** Active grants for a checkout, oldest first. */
    public List<Discount> grantsFor(String checkoutId) {
        return jdbc.sql("SELECT kind, amount, percent, cap, product_id, label FROM shop_discount"
                        + " WHERE checkout_id = ? AND revoked = FALSE ORDER BY id")
                .param(checkoutId)
                .query((rs, n) -> new Discount(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The coupon behind {@code code} if this customer may use it now on a cart of {@code merchandise}. */
    public Optional<Discount> usableCoupon(String code, String customerId, BigDecimal merchandise) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT kind, amount, percent, cap, product_id, purpose, customer_id, minimum_order, valid_until,"
                        + " used_order_id FROM shop_coupon WHERE code = ?")
                .param(code.trim().toUpperCase())
                .query((rs, n) -> {
                    boolean mine = rs.getString(7) == null || rs.getString(7).equals(customerId);
                    BigDecimal minimum = rs.getBigDecimal(8);
                    boolean valid = UtcTime.read(rs, "valid_until").isAfter(now) && rs.getObject(10) == null
                            && (minimum == null || merchandise.compareTo(minimum) >= 0) && mine;
                    return valid ? new Discount(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                            rs.getBigDecimal(4), rs.getString(5), "Coupon " + code.trim().toUpperCase()) : null;
                })
                .optional();
    }

    /** Marks a coupon used by an order; false if someone used it first. */
    public boolean redeemCoupon(String code, long orderId) {
        return jdbc.sql("UPDATE shop_coupon SET used_order_id = ? WHERE code = ? AND used_order_id IS NULL")
                .params(orderId, code.trim().toUpperCase()).update() == 1;
    }

    public BigDecimal storeCreditBalance(long customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM shop_store_credit WHERE customer_id = ?")
                .param(customerId).query(BigDecimal.class).single();
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("RK-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    static Discount toDiscount(DiscountSpec spec, String label) {
        if (spec instanceof DiscountSpec.AmountOff off) {
            return new Discount("AMOUNT", off.amount(), null, null, null, label);
        }
        if (spec instanceof DiscountSpec.PercentOff off) {
            return new Discount("PERCENT", null, off.percent(), off.cap(), null, label);
        }
        if (spec instanceof DiscountSpec.FreeShipping) {
            return new Discount("FREE_SHIPPING", null, null, null, null, label);
        }
        if (spec instanceof DiscountSpec.FreeProduct free) {
            return new Discount("FREE_PRODUCT", null, null, null, free.productId(), label);
        }
        throw new IllegalArgumentException("discount: unsupported " + spec);
    }
}
