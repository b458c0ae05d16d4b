package dev.retention.loyalty;

import dev.retention.host.DiscountGrant;
import dev.retention.host.DiscountPort;
import dev.retention.host.DiscountSpec;
import dev.retention.loyalty.internal.CheckoutReservations;
import dev.retention.loyalty.internal.Ledger;
import dev.retention.support.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redemption at checkout: reserve points under the account row lock, then grant the discount through the host's
 * {@link DiscountPort} outside the transaction; the placed order commits it, a timeout or removal releases it.
 * Posting again for the same checkout replaces the reservation (the old grant is revoked).
 */
public class Redemptions {

    private static final Logger log = LoggerFactory.getLogger(Redemptions.class);

    /** What to redeem: a catalogue reward, or an amount of points ("pay with points") capped by the cart. */
    public record Request(String checkoutId, String rewardId, Long points, BigDecimal cartTotal) {
    }

    private final Ledger ledger;
    private final CheckoutReservations reservations;
    private final ProgrammeSettings settings;
    private final Supplier<DiscountPort> discounts;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Redemptions(Ledger ledger, CheckoutReservations reservations, ProgrammeSettings settings,
            Supplier<DiscountPort> discounts, TransactionTemplate tx, Clock clock) {
        this.ledger = ledger;
        this.reservations = reservations;
        this.settings = settings;
        this.discounts = discounts;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Reserves points for a checkout and grants the discount. A reward costs its fixed points (409 {@code points}
     * when short); pay-with-points takes min(requested, balance, maxCartPercent of the cart total).
     */
    public Reservation reserve(String customerId, Request request) {
        if (request.checkoutId() == null || request.checkoutId().isBlank() || request.checkoutId().length() > 150) {
            throw new IllegalArgumentException("checkoutId: is required (at most 150 characters)");
        }
        if ((request.rewardId() == null) == (request.points() == null)) {
            throw new IllegalArgumentException("rewardId: give either rewardId or points");
        }
        if (request.cartTotal() != null && request.cartTotal().signum() < 0) {
            throw new IllegalArgumentException("cartTotal: must be zero or more");
        }
        DiscountPort port = discounts.get();
        if (port == null) {
            throw new Problems.FieldException(503, "Redemption unavailable", null,
                    "the host provides no DiscountPort");
        }
        Instant now = clock.instant();
        LoyaltySettings rules = settings.loyalty(now);
        Reward reward = request.rewardId() == null ? null : settings.reward(request.rewardId())
                .orElseThrow(() -> new Problems.FieldException(404, "Unknown reward", "rewardId",
                        "no reward " + request.rewardId()));
        if (request.points() != null) {
            if (request.points() < rules.redemption().minimumPoints()) {
                throw new IllegalArgumentException("points: at least " + rules.redemption().minimumPoints());
            }
            if (request.cartTotal() == null) {
                throw new IllegalArgumentException("cartTotal: is required to pay with points");
            }
        }
        if (reward != null && reward.minimumOrder() != null && request.cartTotal() == null) {
            throw new IllegalArgumentException("cartTotal: is required for a reward with a minimum order");
        }
        Reservation[] replaced = new Reservation[1];
        Reservation reservation = tx.execute(status -> {
            LoyaltyAccount account = ledger.lock(customerId, now);
            reservations.find(request.checkoutId()).filter(r -> !r.customerId().equals(customerId)).ifPresent(r -> {
                throw new Problems.FieldException(409, "Checkout belongs to another shopper", "checkoutId",
                        "checkout " + request.checkoutId() + " is not yours");
            });
            if (reward != null && !reward.availableTo(account.tier(), now, request.cartTotal())) {
                throw new Problems.FieldException(422, "Reward not available", "rewardId",
                        "reward " + reward.id() + " is not available for this shopper or cart");
            }
            long available = account.balance() + heldFor(customerId, request.checkoutId());
            long points;
            String discount;
            if (reward != null) {
                points = reward.pointsCost();
                discount = describe(reward.discount(settings.currency()), reward);
            } else {
                BigDecimal pointValue = rules.redemption().pointValue();
                long cap = request.cartTotal().multiply(rules.redemption().maxCartPercent())
                        .divide(BigDecimal.valueOf(100).multiply(pointValue), 0, RoundingMode.DOWN).longValue();
                points = Math.min(request.points(), Math.min(Math.max(0, available), cap));
                if (points < rules.redemption().minimumPoints()) {
                    throw new InsufficientPointsException(rules.redemption().minimumPoints(), Math.max(0, available));
                }
                discount = describe(new DiscountSpec.AmountOff(pointValue.multiply(BigDecimal.valueOf(points))
                        .setScale(2, RoundingMode.DOWN), settings.currency()), null);
            }
            if (available < points) {
                throw new InsufficientPointsException(points, Math.max(0, available));
            }
            return reservations.reserve(account, request.checkoutId(), points, reward == null ? null : reward.id(),
                    discount, now, now.plus(rules.redemption().reservationTimeout()), rules.expiry(), replaced);
        });
        if (replaced[0] != null) {
            port.revoke(request.checkoutId(), replaced[0].grantId());
        }
        try {
            if (reward != null && reward.kind() == Reward.Kind.STORE_CREDIT) {
                Optional<String> reference = port.issueStoreCredit(customerId, reward.value(), settings.currency(),
                        reward.name());
                if (reference.isEmpty()) {
                    throw new Problems.FieldException(422, "Store credit not supported", "rewardId",
                            "the shop has no store credit");
                }
                tx.executeWithoutResult(status -> reservations.commitNow(ledger.lock(customerId, now), reservation,
                        reference.get(), now));
                return reservations.find(request.checkoutId()).orElseThrow();
            }
            DiscountSpec spec = reward != null ? reward.discount(settings.currency())
                    : new DiscountSpec.AmountOff(rules.redemption().pointValue()
                            .multiply(BigDecimal.valueOf(reservation.points())).setScale(2, RoundingMode.DOWN),
                            settings.currency());
            port.grant(new DiscountGrant(reservation.grantId(), customerId, request.checkoutId(), spec,
                    reservation.points() + " points redeemed"));
        } catch (RuntimeException e) {
            releaseQuietly(customerId, reservation, "grant failed");
            throw e;
        }
        log.info("loyalty.reserved customer={} checkout={} points={} reward={}", customerId, request.checkoutId(),
                reservation.points(), reservation.rewardId());
        return reservation;
    }

    /** Points already held for this checkout count as available when the shopper replaces the reservation. */
    private long heldFor(String customerId, String checkoutId) {
        return reservations.find(checkoutId)
                .filter(r -> "RESERVED".equals(r.status()) && r.customerId().equals(customerId))
                .map(Reservation::points).orElse(0L);
    }

    /** The shopper removed the redemption; 404 when they hold none for this checkout. */
    public void cancel(String customerId, String checkoutId) {
        Reservation released = release(customerId, checkoutId, null, "removed")
                .orElseThrow(() -> new NoSuchElementException("No points held for checkout " + checkoutId));
        DiscountPort port = discounts.get();
        if (port != null) {
            port.revoke(checkoutId, released.grantId());
        }
    }

    /** Releases a timed-out reservation of the given generation (called by the timer). */
    public void timeout(String checkoutId, int generation) {
        reservations.find(checkoutId).ifPresent(r -> release(r.customerId(), checkoutId, generation, "timeout")
                .ifPresent(released -> {
                    DiscountPort port = discounts.get();
                    if (port != null) {
                        port.revoke(checkoutId, released.grantId());
                    }
                }));
    }

    public Optional<Reservation> find(String customerId, String checkoutId) {
        return reservations.find(checkoutId).filter(r -> r.customerId().equals(customerId));
    }

    private Optional<Reservation> release(String customerId, String checkoutId, Integer generation, String why) {
        Instant now = clock.instant();
        return tx.execute(status -> {
            LoyaltyAccount account = ledger.lock(customerId, now);
            Optional<Reservation> found = reservations.find(checkoutId)
                    .filter(r -> r.customerId().equals(customerId) && "RESERVED".equals(r.status())
                            && (generation == null || r.generation() == generation));
            found.ifPresent(r -> reservations.release(account, r, now, why, settings.loyalty(now).expiry()));
            return found;
        });
    }

    private void releaseQuietly(String customerId, Reservation reservation, String why) {
        try {
            release(customerId, reservation.checkoutId(), reservation.generation(), why);
        } catch (RuntimeException e) {
            log.error("loyalty.release-failed checkout={} error={}", reservation.checkoutId(), e.toString(), e);
        }
    }

    private static String describe(DiscountSpec spec, Reward reward) {
        if (spec == null) {
            return "STORE_CREDIT " + reward.value().toPlainString();
        }
        if (spec instanceof DiscountSpec.AmountOff off) {
            return "AMOUNT_OFF " + off.amount().toPlainString() + " " + off.currency();
        }
        if (spec instanceof DiscountSpec.PercentOff off) {
            return "PERCENT_OFF " + off.percent().toPlainString() + (off.cap() == null ? "" : " cap "
                    + off.cap().toPlainString());
        }
        if (spec instanceof DiscountSpec.FreeProduct free) {
            return "FREE_PRODUCT " + free.productId();
        }
        return "FREE_SHIPPING";
    }
}
