/**
 * The host SPI: what a shop tells Retention Kit ({@link dev.retention.host.RetentionEvent} records, events in)
 * and what Retention Kit asks of the shop (ports out: {@link dev.retention.host.CatalogPort},
 * {@link dev.retention.host.CustomerDirectoryPort}, {@link dev.retention.host.DiscountPort},
 * {@link dev.retention.host.MessagingPort}, {@link dev.retention.host.HostCapabilities}).
 *
 * <p>Events are immutable records that validate themselves when constructed: a missing required field or a
 * negative quantity or amount throws {@link dev.retention.host.InvalidEventException} naming the field, so a
 * bad event never reaches the inbox. Hand them to {@code dev.retention.ingest.RetentionEvents#publish} or publish
 * them as Spring application events.
 */
package dev.retention.host;
