/**
 * Feedback: NPS and short surveys by signed link, one answer per invitation, detractor alerts, promoter follow-up
 * and results (NPS trend and distribution, CSAT, comments).
 */
package dev.retention.feedback;
