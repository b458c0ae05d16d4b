/**
 * Loyalty programme: an append-only points ledger with expiring lots, earning rules, pending points confirmed
 * after the return window, clawbacks, tiers, a rewards catalogue and redemption at checkout. Public API at the
 * root; implementation in {@code internal}.
 */
package dev.retention.loyalty;
