package dev.retention.host;

import java.time.Instant;
import java.util.List;

/**
 * The shopper placed (submitted and paid) an order. Points are earned as pending from this event and confirmed
 * once the return window after {@link OrderCompleted} has passed.
 *
 * @param checkoutId         the checkout (cart) id under which points were reserved, so the reservation commits
 * @param totals             totals in the order currency
 * @param baseTotals         the same totals in the shop's base currency, used by every report
 * @param pointsRedeemed     points spent on this order (0 when none)
 * @param addressFingerprint hash of the normalised shipping address, for referral fraud checks (never the address)
 * @param paymentFingerprint hash of the payment instrument, for referral fraud checks
 * @param couponCodes        coupon codes applied
 * @param channel            optional sales channel, e.g. {@code web}
 */
public record OrderPlaced(String eventId, Instant occurredAt, String customerId, String orderId, String checkoutId,
        List<OrderLine> lines, String currency, OrderTotals totals, String baseCurrency, OrderTotals baseTotals,
        long pointsRedeemed, String addressFingerprint, String paymentFingerprint, List<String> couponCodes,
        String channel) implements RetentionEvent {

    public OrderPlaced {
        Require.text(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(customerId, "customerId");
        Require.text(orderId, "orderId");
        lines = Require.nonEmpty(lines, "lines");
        Require.currency(currency, "currency");
        Require.present(totals, "totals");
        Require.currency(baseCurrency, "baseCurrency");
        Require.present(baseTotals, "baseTotals");
        Require.nonNegative(pointsRedeemed, "pointsRedeemed");
        couponCodes = Require.copy(couponCodes, "couponCodes");
    }
}
