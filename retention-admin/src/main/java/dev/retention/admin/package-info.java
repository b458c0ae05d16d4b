/**
 * The admin web layer: security of {@code /admin/retention/**} (role {@code RETENTION_ADMIN}), RFC 9457 errors,
 * and the operations API. Feature endpoints live in {@code dev.retention.<feature>.web}.
 */
package dev.retention.admin;
