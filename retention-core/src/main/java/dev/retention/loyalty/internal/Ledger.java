package dev.retention.loyalty.internal;

import dev.retention.loyalty.DriftReport;
import dev.retention.loyalty.ExpiryPolicy;
import dev.retention.loyalty.InsufficientPointsException;
import dev.retention.loyalty.LedgerEntry;
import dev.retention.loyalty.LedgerEntryType;
import dev.retention.loyalty.LoyaltyAccount;
import dev.retention.loyalty.NegativeBalancePolicy;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only points ledger, its lots and the cached account balance. Every write method must run inside a
 * transaction and starts by locking the account row ({@link #lock}); the lock serialises all writers of one
 * account, so an idempotency key looked up under the lock cannot be applied twice, and lots are consumed without
 * lost updates. Rows read to decide a change are read with FOR UPDATE, so a transaction whose snapshot is older
 * than the lock (MariaDB's REPEATABLE READ inside a multi-event inbox chunk) still sees the current lots.
 * Invariant per account: balance = sum(entry.points) = sum(lot.remaining) - debt.
 */
public class Ledger {

    /** A ledger line to append. {@code points} and {@code pending} are signed changes. */
    public record Posting(String customerId, LedgerEntryType type, long points, long pending, String source, String reason,
            String eventId, String orderId, String checkoutId, Integer ruleVersion, String key, Instant at,
            String actor) {

        public Posting {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason: is required");
            }
        }

        Posting withKey(String newKey, LedgerEntryType newType, long newPoints, long newPending, String newReason) {
            return new Posting(customerId, newType, newPoints, newPending, source, newReason, eventId, orderId, checkoutId,
                    ruleVersion, newKey, at, actor);
        }
    }

    /** Points taken from one lot by an entry; restored lots keep the original expiry. */
    public record LotUse(long lotId, long points, Instant expiresAt) {
    }

    private static final String ACCOUNT_COLUMNS = "customer_id, balance, pending, debt, shortfall, tier, tier_since,"
            + " version, created_at, last_activity_at";
    private static final String ENTRY_COLUMNS = "id, customer_id, entry_type, points, pending_points, debt_change,"
            + " shortfall, source, reason, source_event_id, order_id, rule_version, idempotency_key, occurred_at,"
            + " actor";

    private final JdbcClient jdbc;
    private final DatabaseVendor vendor;
    private final String insertAccount;
    private final String insertEntry;

    public Ledger(JdbcClient jdbc, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.vendor = vendor;
        this.insertAccount = vendor.insertIgnoring("rtn_loyalty_account", "customer_id, created_at, last_activity_at",
                "customer_id");
        this.insertEntry = vendor.insertIgnoring("rtn_loyalty_entry", "idempotency_key, customer_id, entry_type,"
                + " points, pending_points, debt_change, shortfall, source, reason, source_event_id, order_id,"
                + " checkout_id, rule_version, occurred_at, actor", "idempotency_key");
    }

    /** Creates the account if needed and locks its row until the transaction ends. */
    public LoyaltyAccount lock(String customerId, Instant at) {
        // Lock first and insert only when missing: an INSERT IGNORE of an existing row takes a shared lock on
        // MariaDB, and two such shared locks upgraded by FOR UPDATE deadlock.
        Optional<LoyaltyAccount> existing = jdbc.sql("SELECT " + ACCOUNT_COLUMNS
                        + " FROM rtn_loyalty_account WHERE customer_id = ? FOR UPDATE")
                .param(customerId).query(Ledger::account).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var insert = jdbc.sql(insertAccount);
        if (vendor.insertIgnoringBindsKeyFirst()) {
            insert = insert.param(customerId);
        }
        insert.param(customerId).param(UtcTime.toColumn(at)).param(UtcTime.toColumn(at)).update();
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM rtn_loyalty_account WHERE customer_id = ? FOR UPDATE")
                .param(customerId).query(Ledger::account).single();
    }

    public Optional<LoyaltyAccount> find(String customerId) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM rtn_loyalty_account WHERE customer_id = ?")
                .param(customerId).query(Ledger::account).optional();
    }

    /** Whether an entry with this idempotency key exists (reliable under the account lock). */
    public boolean applied(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_entry WHERE idempotency_key = ?").param(key)
                .query(Long.class).single() > 0;
    }

    /**
     * Adds spendable points (and moves {@code pending} for confirmations): repays debt first, the rest becomes a
     * lot expiring at {@code expiresAt}. Returns false when the key was applied before.
     */
    public boolean credit(LoyaltyAccount account, Posting posting, Instant expiresAt) {
        requirePositive(posting.points());
        if (applied(posting.key())) {
            return false;
        }
        long repay = Math.min(account.debt(), posting.points());
        long entryId = insert(posting, -repay, 0);
        if (posting.points() - repay > 0) {
            insertLot(account.customerId(), entryId, posting.points() - repay, posting.at(), expiresAt);
        }
        update(account.customerId(), posting.points(), posting.pending(), -repay, 0);
        return true;
    }

    /** Records a change of pending points only (earned pending, or pending dropped). */
    public boolean pending(LoyaltyAccount account, Posting posting) {
        if (posting.points() != 0) {
            throw new IllegalArgumentException("points: a pending posting moves no spendable points");
        }
        if (applied(posting.key())) {
            return false;
        }
        insert(posting, 0, 0);
        update(account.customerId(), 0, posting.pending(), 0, 0);
        return true;
    }

    /** Appends an entry that moves no points (a commit). */
    public boolean note(Posting posting) {
        if (applied(posting.key())) {
            return false;
        }
        insert(posting, 0, 0);
        return true;
    }

    /**
     * Takes {@code -posting.points()} spendable points for a redemption, soonest-expiring lots first, and records
     * which lots gave them. Refused when the balance is short. Returns the entry id, or empty if applied before.
     */
    public Optional<Long> reserve(LoyaltyAccount account, Posting posting) {
        long points = -posting.points();
        requirePositive(points);
        if (applied(posting.key())) {
            return Optional.empty();
        }
        if (account.balance() < points) {
            throw new InsufficientPointsException(points, Math.max(0, account.balance()));
        }
        long entryId = insert(posting, 0, 0);
        recordUses(entryId, consume(account.customerId(), points));
        update(account.customerId(), -points, 0, 0, 0);
        return Optional.of(entryId);
    }

    /** An admin debit: refused when the balance is short. */
    public boolean debit(LoyaltyAccount account, Posting posting) {
        long points = -posting.points();
        requirePositive(points);
        if (applied(posting.key())) {
            return false;
        }
        if (account.balance() < points) {
            throw new InsufficientPointsException(points, Math.max(0, account.balance()));
        }
        long entryId = insert(posting, 0, 0);
        recordUses(entryId, consume(account.customerId(), points));
        update(account.customerId(), -points, 0, 0, 0);
        return true;
    }

    /**
     * Gives points back into new lots that keep the original lots' expiry where it has not passed (release of a
     * reservation, return of points redeemed on a cancelled or refunded order). Debt is repaid first.
     *
     * @param from the lots the points originally came from, in the order they were taken
     * @param skip points of {@code from} already given back by earlier returns
     */
    public boolean restore(LoyaltyAccount account, Posting posting, List<LotUse> from, long skip,
            ExpiryPolicy expiry) {
        return restore(account, posting, from, skip, expiry, false);
    }

    /**
     * Like {@link #restore(LoyaltyAccount, Posting, List, long, ExpiryPolicy)}; with {@code inPlace} the points
     * go back into the very lots they came from while those have not expired (a released reservation), which
     * keeps the number of lots per account bounded.
     */
    public boolean restore(LoyaltyAccount account, Posting posting, List<LotUse> from, long skip,
            ExpiryPolicy expiry, boolean inPlace) {
        requirePositive(posting.points());
        if (applied(posting.key())) {
            return false;
        }
        long repay = Math.min(account.debt(), posting.points());
        long entryId = insert(posting, -repay, 0);
        long toRestore = posting.points();
        long toRepay = repay;
        for (LotUse use : from) {
            long available = use.points();
            long skipped = Math.min(skip, available);
            skip -= skipped;
            available -= skipped;
            long part = Math.min(available, toRestore);
            if (part <= 0) {
                continue;
            }
            toRestore -= part;
            long repaid = Math.min(toRepay, part);
            toRepay -= repaid;
            if (part - repaid > 0) {
                boolean live = use.expiresAt() == null || use.expiresAt().isAfter(posting.at());
                if (inPlace && live) {
                    // a lot whose date has not passed cannot have been expired: give the points back to it
                    jdbc.sql("UPDATE rtn_loyalty_lot SET remaining = remaining + ? WHERE id = ?")
                            .params(part - repaid, use.lotId()).update();
                } else {
                    insertLot(account.customerId(), entryId, part - repaid, posting.at(),
                            expiry.expiryForReturned(use.expiresAt(), posting.at()));
                }
            }
        }
        if (toRestore - toRepay > 0) {
            insertLot(account.customerId(), entryId, toRestore - toRepay, posting.at(),
                    expiry.expiresAt(posting.at(), posting.at()));
        }
        update(account.customerId(), posting.points(), 0, -repay, 0);
        return true;
    }

    /**
     * Takes back {@code amount} confirmed points after a refund or cancel. The open lots cover what they can;
     * the rest becomes a DEBT entry (ALLOW_DEBT) or a recorded shortfall (CLAMP). Returns false if applied before.
     */
    public boolean clawBack(LoyaltyAccount account, Posting posting, long amount, NegativeBalancePolicy policy) {
        requirePositive(amount);
        if (applied(posting.key())) {
            return false;
        }
        long covered = Math.min(amount, Math.max(0, account.balance()));
        long missing = amount - covered;
        String customerId = account.customerId();
        Posting claw = posting.withKey(posting.key(), LedgerEntryType.CLAWBACK, -covered, posting.pending(),
                posting.reason());
        if (policy == NegativeBalancePolicy.CLAMP) {
            insert(claw, 0, missing);
            consume(customerId, covered);
            update(customerId, -covered, posting.pending(), 0, missing);
            return true;
        }
        insert(claw, 0, 0);
        consume(customerId, covered);
        if (missing > 0) {
            insert(posting.withKey(posting.key() + ":debt", LedgerEntryType.DEBT, -missing, 0,
                    posting.reason() + " (points already spent: " + missing + " owed)"), missing, 0);
        }
        update(customerId, -amount, posting.pending(), missing, 0);
        return true;
    }

    /** Expires what is left of a lot. */
    public long expire(LoyaltyAccount account, long lotId, Instant at) {
        Long remaining = jdbc.sql("SELECT remaining FROM rtn_loyalty_lot WHERE id = ? AND customer_id = ? FOR UPDATE")
                .params(lotId, account.customerId()).query(Long.class).optional().orElse(0L);
        if (remaining <= 0 || applied("expire:" + lotId)) {
            return 0;
        }
        insert(new Posting(account.customerId(), LedgerEntryType.EXPIRE, -remaining, 0, "expiry", "Points expired", null, null, null,
                null, "expire:" + lotId, at, null), 0, 0);
        jdbc.sql("UPDATE rtn_loyalty_lot SET remaining = 0 WHERE id = ?").param(lotId).update();
        update(account.customerId(), -remaining, 0, 0, 0);
        return remaining;
    }

    /** Records shopper activity; in INACTIVITY mode every open lot now expires {@code days} after it. */
    public void touch(String customerId, Instant at, ExpiryPolicy expiry) {
        jdbc.sql("UPDATE rtn_loyalty_account SET last_activity_at = ? WHERE customer_id = ? AND last_activity_at < ?")
                .params(UtcTime.toColumn(at), customerId, UtcTime.toColumn(at)).update();
        if (expiry.mode() == ExpiryPolicy.Mode.INACTIVITY) {
            jdbc.sql("UPDATE rtn_loyalty_lot SET expires_at = ?, warned_at = NULL WHERE customer_id = ?"
                            + " AND remaining > 0 AND (expires_at IS NULL OR expires_at < ?)")
                    .params(UtcTime.toColumn(expiry.expiresAt(at, at)), customerId,
                            UtcTime.toColumn(expiry.expiresAt(at, at)))
                    .update();
        }
    }

    public void setTier(String customerId, String tier, Instant since) {
        jdbc.sql("UPDATE rtn_loyalty_account SET tier = ?, tier_since = ?, version = version + 1"
                        + " WHERE customer_id = ?")
                .params(tier, UtcTime.toColumn(since), customerId).update();
    }

    /** Lots an entry consumed, in the order it took them. */
    public List<LotUse> usesOf(long entryId) {
        return jdbc.sql("SELECT u.lot_id, u.points, l.expires_at FROM rtn_loyalty_lot_use u"
                        + " JOIN rtn_loyalty_lot l ON l.id = u.lot_id WHERE u.entry_id = ?"
                        + " ORDER BY CASE WHEN l.expires_at IS NULL THEN 1 ELSE 0 END, l.expires_at, l.id")
                .param(entryId)
                .query((rs, n) -> new LotUse(rs.getLong("lot_id"), rs.getLong("points"), UtcTime.read(rs, "expires_at")))
                .list();
    }

    public List<LedgerEntry> entries(String customerId, int page, int size) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM rtn_loyalty_entry WHERE customer_id = ?"
                        + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(customerId, size, page * size)
                .query(Ledger::entry).list();
    }

    public long entryCount(String customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_entry WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    /** Recomputes accounts (those whose id starts with {@code prefix}; empty = all) and lists the drifting ones. */
    public List<DriftReport.Drift> verify(String prefix, long[] counted) {
        String like = prefix == null ? "" : prefix;
        List<DriftReport.Drift> drifting = new ArrayList<>();
        counted[0] = 0;
        jdbc.sql("SELECT a.customer_id, a.balance, a.pending, a.debt,"
                        + " COALESCE(e.points, 0) AS e_points, COALESCE(e.pending, 0) AS e_pending,"
                        + " COALESCE(e.debt, 0) AS e_debt, COALESCE(l.remaining, 0) AS l_remaining"
                        + " FROM rtn_loyalty_account a"
                        + " LEFT JOIN (SELECT customer_id, SUM(points) AS points, SUM(pending_points) AS pending,"
                        + " SUM(debt_change) AS debt FROM rtn_loyalty_entry WHERE customer_id LIKE ?"
                        + " GROUP BY customer_id) e ON e.customer_id = a.customer_id"
                        + " LEFT JOIN (SELECT customer_id, SUM(remaining) AS remaining FROM rtn_loyalty_lot"
                        + " WHERE customer_id LIKE ? GROUP BY customer_id) l ON l.customer_id = a.customer_id"
                        + " WHERE a.customer_id LIKE ?")
                .params(like + "%", like + "%", like + "%")
                .query(rs -> {
                    counted[0]++;
                    long balance = rs.getLong("balance");
                    long ledger = rs.getLong("e_points");
                    long lotsMinusDebt = rs.getLong("l_remaining") - rs.getLong("debt");
                    long pending = rs.getLong("pending");
                    long ledgerPending = rs.getLong("e_pending");
                    long debt = rs.getLong("debt");
                    long ledgerDebt = rs.getLong("e_debt");
                    if (balance != ledger || ledger != lotsMinusDebt || pending != ledgerPending
                            || debt != ledgerDebt) {
                        drifting.add(new DriftReport.Drift(rs.getString("customer_id"), balance, ledger,
                                lotsMinusDebt, pending, ledgerPending, debt, ledgerDebt));
                    }
                });
        return drifting;
    }

    private List<LotUse> consume(String customerId, long points) {
        List<LotUse> uses = new ArrayList<>();
        if (points <= 0) {
            return uses;
        }
        List<LotUse> open = jdbc.sql("SELECT id, remaining, expires_at FROM rtn_loyalty_lot"
                        + " WHERE customer_id = ? AND remaining > 0"
                        + " ORDER BY CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END, expires_at, id FOR UPDATE")
                .param(customerId)
                .query((rs, n) -> new LotUse(rs.getLong("id"), rs.getLong("remaining"), UtcTime.read(rs, "expires_at")))
                .list();
        long left = points;
        for (LotUse lot : open) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.points());
            jdbc.sql("UPDATE rtn_loyalty_lot SET remaining = remaining - ? WHERE id = ?").params(take, lot.lotId())
                    .update();
            uses.add(new LotUse(lot.lotId(), take, lot.expiresAt()));
            left -= take;
        }
        if (left > 0) {
            throw new IllegalStateException("Lots of " + customerId + " hold " + (points - left) + " points, "
                    + points + " needed: the cached balance drifted");
        }
        return uses;
    }

    private void recordUses(long entryId, List<LotUse> uses) {
        for (LotUse use : uses) {
            jdbc.sql("INSERT INTO rtn_loyalty_lot_use (entry_id, lot_id, points) VALUES (?, ?, ?)")
                    .params(entryId, use.lotId(), use.points()).update();
        }
    }

    private long insert(Posting p, long debtChange, long shortfall) {
        var insert = jdbc.sql(insertEntry);
        if (vendor.insertIgnoringBindsKeyFirst()) {
            insert = insert.param(p.key());
        }
        int rows = insert.param(p.key()).param(p.customerId()).param(p.type().name()).param(p.points())
                .param(p.pending()).param(debtChange).param(shortfall).param(p.source()).param(truncate(p.reason()))
                .param(p.eventId()).param(p.orderId()).param(p.checkoutId()).param(p.ruleVersion())
                .param(UtcTime.toColumn(p.at())).param(p.actor())
                .update();
        if (rows == 0) {
            throw new IllegalStateException("Ledger entry " + p.key() + " exists already");
        }
        return jdbc.sql("SELECT id FROM rtn_loyalty_entry WHERE idempotency_key = ?").param(p.key())
                .query(Long.class).single();
    }

    private void insertLot(String customerId, long entryId, long points, Instant at, Instant expiresAt) {
        jdbc.sql("INSERT INTO rtn_loyalty_lot (customer_id, entry_id, points, remaining, earned_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(customerId, entryId, points, points, UtcTime.toColumn(at), UtcTime.toColumn(expiresAt))
                .update();
    }

    private void update(String customerId, long balance, long pending, long debt, long shortfall) {
        jdbc.sql("UPDATE rtn_loyalty_account SET balance = balance + ?, pending = pending + ?, debt = debt + ?,"
                        + " shortfall = shortfall + ?, version = version + 1 WHERE customer_id = ?")
                .params(balance, pending, debt, shortfall, customerId).update();
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("points: must be positive, was " + points);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    static LoyaltyAccount account(ResultSet rs, int row) throws SQLException {
        return new LoyaltyAccount(rs.getString("customer_id"), rs.getLong("balance"), rs.getLong("pending"),
                rs.getLong("debt"), rs.getLong("shortfall"), rs.getString("tier"), UtcTime.read(rs, "tier_since"),
                rs.getLong("version"), UtcTime.read(rs, "created_at"), UtcTime.read(rs, "last_activity_at"));
    }

    static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        int rule = rs.getInt("rule_version");
        boolean noRule = rs.wasNull();
        return new LedgerEntry(rs.getLong("id"), rs.getString("customer_id"),
                LedgerEntryType.valueOf(rs.getString("entry_type")), rs.getLong("points"),
                rs.getLong("pending_points"), rs.getLong("debt_change"), rs.getLong("shortfall"),
                rs.getString("source"), rs.getString("reason"), rs.getString("source_event_id"),
                rs.getString("order_id"), noRule ? null : rule, rs.getString("idempotency_key"),
                UtcTime.read(rs, "occurred_at"), rs.getString("actor"));
    }
}
