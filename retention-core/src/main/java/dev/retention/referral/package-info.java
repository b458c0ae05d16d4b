/**
 * Referrals: a stable code and share link per customer, fraud checks, the friend's first-order reward and the
 * referrer's points when that order's points confirm, funnel counts.
 */
package dev.retention.referral;
