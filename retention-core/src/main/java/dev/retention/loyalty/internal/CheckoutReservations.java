package dev.retention.loyalty.internal;

import dev.retention.ingest.Timers;
import dev.retention.loyalty.ExpiryPolicy;
import dev.retention.loyalty.LedgerEntryType;
import dev.retention.loyalty.LoyaltyAccount;
import dev.retention.loyalty.Reservation;
import dev.retention.loyalty.internal.Ledger.Posting;
import dev.retention.support.Problems;
import dev.retention.support.UtcTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Points held for a checkout (one row per checkout id, with a generation that grows each time the shopper
 * replaces the reservation). Every method runs in a transaction holding the account lock.
 */
public class CheckoutReservations {

    public static final String TIMEOUT_TIMER = "loyalty.reservation-timeout";

    /** A committed redemption: the reserve entry whose lots a return restores. */
    public record Committed(String checkoutId, long reserveEntry, long points) {
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Timers timers;

    public CheckoutReservations(JdbcClient jdbc, Ledger ledger, Timers timers) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.timers = timers;
    }

    public Optional<Reservation> find(String checkoutId) {
        return find(checkoutId, "");
    }

    /** Reads the reservation with a row lock (only where it is expected to exist, to avoid gap locks). */
    Optional<Reservation> findLocked(String checkoutId) {
        return find(checkoutId, " FOR UPDATE");
    }

    private Optional<Reservation> find(String checkoutId, String lock) {
        return jdbc.sql("SELECT * FROM rtn_loyalty_reservation WHERE checkout_id = ?" + lock).param(checkoutId)
                .query((rs, n) -> new Reservation(rs.getString("checkout_id"), rs.getString("customer_id"),
                        rs.getInt("generation"), rs.getString("status"), rs.getLong("points"),
                        rs.getString("reward_id"), rs.getString("grant_id"), rs.getString("discount"),
                        UtcTime.read(rs, "created_at"), UtcTime.read(rs, "expires_at"), rs.getString("order_id")))
                .optional();
    }

    long reserveEntry(String checkoutId) {
        return jdbc.sql("SELECT reserve_entry FROM rtn_loyalty_reservation WHERE checkout_id = ?").param(checkoutId)
                .query(Long.class).single();
    }

    /**
     * Holds points for a checkout, releasing the shopper's previous reservation for it first. Returns the new
     * reservation and, when one was replaced, the previous one (whose grant the caller revokes).
     */
    public Reservation reserve(LoyaltyAccount account, String checkoutId, long points, String rewardId,
            String discount, Instant at, Instant expiresAt, ExpiryPolicy expiry, Reservation[] replaced) {
        Optional<Reservation> existing = find(checkoutId);
        int generation = 1;
        if (existing.isPresent()) {
            Reservation old = existing.get();
            if (!old.customerId().equals(account.customerId())) {
                throw new Problems.FieldException(409, "Checkout belongs to another shopper", "checkoutId",
                        "checkout " + checkoutId + " is not yours");
            }
            if ("COMMITTED".equals(old.status())) {
                throw new Problems.FieldException(409, "Checkout already placed", "checkoutId",
                        "checkout " + checkoutId + " was already used by an order");
            }
            if ("RESERVED".equals(old.status())) {
                release(account, old, at, "replaced", expiry);
                account = ledger.lock(account.customerId(), at);
                replaced[0] = old;
            }
            generation = old.generation() + 1;
        }
        String key = "reserve:" + checkoutId + ":" + generation;
        long entryId = ledger.reserve(account, new Posting(account.customerId(), LedgerEntryType.REDEEM_RESERVE,
                -points, 0, "redemption", rewardId == null ? points + " points held for checkout " + checkoutId
                        : "Reward " + rewardId + " held for checkout " + checkoutId,
                null, null, checkoutId, null, key, at, null)).orElseThrow();
        String grantId = "rk-" + checkoutId + "-" + generation;
        if (existing.isPresent()) {
            jdbc.sql("UPDATE rtn_loyalty_reservation SET generation = ?, status = 'RESERVED', points = ?,"
                            + " reward_id = ?, grant_id = ?, discount = ?, reserve_entry = ?, created_at = ?,"
                            + " expires_at = ?, order_id = NULL, returned = 0 WHERE checkout_id = ?")
                    .params(generation, points, rewardId, grantId, discount, entryId, UtcTime.toColumn(at),
                            UtcTime.toColumn(expiresAt), checkoutId)
                    .update();
        } else {
            jdbc.sql("INSERT INTO rtn_loyalty_reservation (checkout_id, customer_id, generation, status, points,"
                            + " reward_id, grant_id, discount, reserve_entry, created_at, expires_at)"
                            + " VALUES (?, ?, ?, 'RESERVED', ?, ?, ?, ?, ?, ?, ?)")
                    .params(checkoutId, account.customerId(), generation, points, rewardId, grantId, discount,
                            entryId, UtcTime.toColumn(at), UtcTime.toColumn(expiresAt))
                    .update();
        }
        timers.schedule(TIMEOUT_TIMER, checkoutId + ":" + generation, expiresAt, checkoutId);
        ledger.touch(account.customerId(), at, expiry);
        return find(checkoutId).orElseThrow();
    }

    /** Gives a held reservation's points back into lots with their original expiry. */
    public void release(LoyaltyAccount account, Reservation reservation, Instant at, String why,
            ExpiryPolicy expiry) {
        String checkoutId = reservation.checkoutId();
        ledger.restore(account, new Posting(account.customerId(), LedgerEntryType.REDEEM_RELEASE,
                reservation.points(), 0, "redemption", "Points held for checkout " + checkoutId + " released ("
                        + why + ")", null, null, checkoutId, null,
                "release:" + checkoutId + ":" + reservation.generation(), at, null),
                ledger.usesOf(reserveEntry(checkoutId)), 0, expiry, true);
        jdbc.sql("UPDATE rtn_loyalty_reservation SET status = 'RELEASED' WHERE checkout_id = ? AND generation = ?")
                .params(checkoutId, reservation.generation()).update();
        timers.cancel(TIMEOUT_TIMER, checkoutId + ":" + reservation.generation());
    }

    /** The order placed for a checkout uses its reservation; returns the points committed (0 when none). */
    public long commit(LoyaltyAccount account, String checkoutId, String orderId, String eventId, Instant at) {
        Optional<Reservation> found = findLocked(checkoutId);
        if (found.isEmpty() || !"RESERVED".equals(found.get().status())
                || !found.get().customerId().equals(account.customerId())) {
            return found.filter(r -> "COMMITTED".equals(r.status()) && orderId.equals(r.orderId()))
                    .map(Reservation::points).orElse(0L);
        }
        Reservation reservation = found.get();
        ledger.note(new Posting(account.customerId(), LedgerEntryType.REDEEM_COMMIT, 0, 0, "redemption",
                reservation.points() + " points used by order " + orderId, eventId, orderId, checkoutId, null,
                "commit:" + checkoutId + ":" + reservation.generation(), at, null));
        markCommitted(checkoutId, reservation.generation(), orderId);
        return reservation.points();
    }

    void markCommitted(String checkoutId, int generation, String orderId) {
        jdbc.sql("UPDATE rtn_loyalty_reservation SET status = 'COMMITTED', order_id = ? WHERE checkout_id = ?"
                        + " AND generation = ?")
                .params(orderId, checkoutId, generation).update();
        timers.cancel(TIMEOUT_TIMER, checkoutId + ":" + generation);
    }

    /** Commits a reservation that needs no order (store credit paid out at once). */
    public void commitNow(LoyaltyAccount account, Reservation reservation, String reference, Instant at) {
        ledger.note(new Posting(account.customerId(), LedgerEntryType.REDEEM_COMMIT, 0, 0, "redemption",
                "Store credit issued (" + reference + ")", null, null, reservation.checkoutId(), null,
                "commit:" + reservation.checkoutId() + ":" + reservation.generation(), at, null));
        markCommitted(reservation.checkoutId(), reservation.generation(), null);
    }

    public Optional<Committed> committedFor(String orderId) {
        return jdbc.sql("SELECT checkout_id, reserve_entry, points FROM rtn_loyalty_reservation WHERE order_id = ?"
                        + " AND status = 'COMMITTED'")
                .param(orderId)
                .query((rs, n) -> new Committed(rs.getString("checkout_id"), rs.getLong("reserve_entry"),
                        rs.getLong("points")))
                .optional();
    }
}
