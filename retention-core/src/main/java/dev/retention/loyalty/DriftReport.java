package dev.retention.loyalty;

import java.time.Instant;
import java.util.List;

/**
 * The result of recomputing every account from its ledger and lots.
 *
 * @param drifting accounts whose cached numbers differ from the recomputation
 */
public record DriftReport(Instant checkedAt, long accounts, List<Drift> drifting, long totalDebt,
        long totalShortfall) {

    /** One account whose cache disagrees: cached vs ledger sum vs open lots minus debt. */
    public record Drift(String customerId, long cachedBalance, long ledgerBalance, long lotsMinusDebt,
            long cachedPending, long ledgerPending, long cachedDebt, long ledgerDebt) {
    }
}
