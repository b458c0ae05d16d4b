package dev.retention.analytics;

import java.math.BigDecimal;

/**
 * 12-month repeat rate of customers sharing a first-order attribute.
 *
 * @param dimension   {@code category} (of the first order's first line), {@code channel} (of the first order),
 *                    {@code discount} (first order had an order discount or coupon: yes/no) or {@code referred}
 *                    (signed up with a referral code: yes/no)
 * @param value       the attribute value ({@code (none)} when not recorded)
 * @param customers   customers whose first order is in the period and at least 365 days old
 * @param repeaters   those who ordered again within 365 days of the first order
 * @param repeatRate  repeaters / customers
 */
public record RetentionDriver(String dimension, String value, long customers, long repeaters,
        BigDecimal repeatRate) {
}
