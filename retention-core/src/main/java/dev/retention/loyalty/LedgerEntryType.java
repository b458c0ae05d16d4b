package dev.retention.loyalty;

/** The kinds of ledger entry. The ledger is append-only: a correction is a new entry, never an update. */
public enum LedgerEntryType {
    /** Points credited at once (actions, bonuses). */
    EARN,
    /** Points earned by an order, waiting for the return window; they count in {@code pending}, not the balance. */
    EARN_PENDING,
    /** Pending points that became spendable. */
    CONFIRMED,
    /** Points held for a checkout. */
    REDEEM_RESERVE,
    /** A held redemption used by a placed order (moves no points). */
    REDEEM_COMMIT,
    /** A held redemption given back (timeout, removal or replacement). */
    REDEEM_RELEASE,
    /** Points redeemed on a cancelled or refunded order given back, pro rata. */
    REDEEM_RETURN,
    /** Earned points taken back because of a cancel or refund (pending or confirmed). */
    CLAWBACK,
    /** The part of a clawback the balance could not cover, owed and repaid first by later earnings. */
    DEBT,
    /** Points that reached their expiry date. */
    EXPIRE,
    /** Manual correction by an admin, with a mandatory reason. */
    ADJUST,
    /** Points for a referral. */
    REFERRAL_BONUS,
    /** Opening balance imported from another programme. */
    IMPORT
}
