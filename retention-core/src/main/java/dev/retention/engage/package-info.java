/**
 * Engagement: automated message flows, the sending rules every marketing message obeys, the transactional outbox
 * and its delivery through {@link dev.retention.host.MessagingPort}, tracking, attribution and reports.
 */
package dev.retention.engage;
