/**
 * The audit trail of admin actions (manual adjustments, settings changes, erasures, retries): who, when, what,
 * before and after. Append-only.
 */
package dev.retention.audit;
