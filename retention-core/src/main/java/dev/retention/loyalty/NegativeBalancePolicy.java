package dev.retention.loyalty;

/** What happens when a clawback takes more points than the shopper still has. */
public enum NegativeBalancePolicy {
    /** The balance goes negative through a DEBT entry; later earnings repay the debt first. */
    ALLOW_DEBT,
    /** The balance stops at zero; the uncovered part is recorded as a shortfall for the admin report. */
    CLAMP
}
