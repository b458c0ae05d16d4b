package dev.retention.host;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Port to the host's promotion engine. In Broadleaf this is an order-level {@code Offer} (see
 * {@code docs/integrating-broadleaf.md}); in the sample store it is a discount row applied by its checkout.
 */
public interface DiscountPort {

    /**
     * Apply a discount to a live checkout (points redemption). Must be idempotent per {@code grant.grantId()}:
     * Retention Kit may call it again after a timeout.
     */
    void grant(DiscountGrant grant);

    /** Remove a discount granted earlier (reservation released or replaced). Unknown ids are ignored. */
    void revoke(String checkoutId, String grantId);

    /** Create a single-use coupon for this customer, valid until the given instant, and return its code. */
    String issueCoupon(String customerId, CouponOffer offer, Instant validUntil);

    /**
     * Credit the customer's store-credit or gift-card balance (cashback rewards). Returns the host's reference,
     * or empty if the host has no store credit; {@link HostCapabilities#supportsStoreCredit()} tells in advance.
     */
    default Optional<String> issueStoreCredit(String customerId, BigDecimal amount, String currency, String reason) {
        return Optional.empty();
    }
}
