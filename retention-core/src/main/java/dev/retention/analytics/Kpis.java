package dev.retention.analytics;

import java.math.BigDecimal;

/**
 * Retention KPIs of one period P = [from, to) (DESIGN.md §5). Ratios are fractions (0.25 = 25 %), money is in the
 * base currency; a ratio whose denominator is zero is null.
 *
 * @param activeAtStart              S: customers who ordered in the active window before {@code from}
 * @param activeAtEnd                E: customers who ordered in the active window before {@code to}
 * @param newCustomers               N: customers whose first order is in P
 * @param retentionRate              CRR = (E - N) / S
 * @param churnRate                  1 - CRR
 * @param orderingCustomers          customers with an order in P
 * @param orders                     orders in P
 * @param revenue                    net merchandise less refunds of the orders in P
 * @param repeatRateLifetime         customers with >= 2 orders before {@code to} / customers with >= 1
 * @param repeatRateInPeriod         customers with >= 2 orders in P / customers with >= 1 order in P
 * @param purchaseFrequency          orders / ordering customers in P
 * @param averageOrderValue          revenue / orders in P
 * @param revenuePerCustomer         revenue / ordering customers in P
 * @param returningRevenueShare      revenue of orders that are not the customer's first counted order (earliest
 *                                   placed, ties by order id) / revenue
 * @param top20RevenueShare          revenue of the top 20 % of ordering customers (by revenue in P) / revenue
 * @param medianDaysBetweenPurchases median gap between consecutive orders of a customer, later order in P
 * @param historicalClv              AOV x orders per customer per year x min(1 / annual churn, max lifespan) x margin,
 *                                   all over the 12 months before {@code to}
 * @param marketingSpend             spend attributed to P (monthly spend spread over days); null with a filter
 * @param customerAcquisitionCost    marketing spend / new customers; null with a filter
 * @param clvToCac                   historical CLV / CAC
 */
public record Kpis(long activeAtStart, long activeAtEnd, long newCustomers, BigDecimal retentionRate,
        BigDecimal churnRate, long orderingCustomers, long orders, BigDecimal revenue, BigDecimal repeatRateLifetime,
        BigDecimal repeatRateInPeriod, BigDecimal purchaseFrequency, BigDecimal averageOrderValue,
        BigDecimal revenuePerCustomer, BigDecimal returningRevenueShare, BigDecimal top20RevenueShare,
        BigDecimal medianDaysBetweenPurchases, BigDecimal historicalClv, BigDecimal marketingSpend,
        BigDecimal customerAcquisitionCost, BigDecimal clvToCac) {
}
