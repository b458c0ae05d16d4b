package dev.retention.loyalty;

import dev.retention.host.CouponOffer;
import dev.retention.host.DiscountGrant;
import dev.retention.host.DiscountPort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host promotion engine for tests: keeps the live grants per checkout. */
public class RecordingDiscountPort implements DiscountPort {

    public final Map<String, DiscountGrant> live = new ConcurrentHashMap<>();
    public final List<String> revoked = new CopyOnWriteArrayList<>();
    public volatile boolean failNextGrant;

    @Override
    public void grant(DiscountGrant grant) {
        if (failNextGrant) {
            failNextGrant = false;
            throw new IllegalStateException("promotion engine down");
        }
        live.put(grant.checkoutId(), grant);
    }

    @Override
    public void revoke(String checkoutId, String grantId) {
        revoked.add(grantId);
        live.computeIfPresent(checkoutId, (k, g) -> g.grantId().equals(grantId) ? null : g);
    }

    @Override
    public String issueCoupon(String customerId, CouponOffer offer, Instant validUntil) {
        return "COUPON-" + customerId;
    }
}
