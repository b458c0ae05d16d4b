/**
 * The shopper-facing web layer: who the shopper is ({@link dev.retention.storefront.ShopperResolver}), the
 * security of {@code /retention/**}, and RFC 9457 errors. Feature endpoints live in {@code dev.retention.<feature>.web}.
 */
package dev.retention.storefront;
