package dev.retention.loyalty;

import java.time.Instant;

/**
 * One ledger line.
 *
 * @param points        change of the spendable balance
 * @param pendingPoints change of the pending points
 * @param debtChange    change of the debt (positive: owed more)
 * @param shortfall     points a clamped clawback could not take
 */
public record LedgerEntry(long id, String customerId, LedgerEntryType type, long points, long pendingPoints,
        long debtChange, long shortfall, String source, String reason, String sourceEventId, String orderId,
        Integer ruleVersion, String idempotencyKey, Instant occurredAt, String actor) {
}
