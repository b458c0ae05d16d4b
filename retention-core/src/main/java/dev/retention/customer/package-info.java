/**
 * What Retention Kit knows about customers and their orders, built from host events: the shared facts every
 * feature reads ({@link dev.retention.customer.CustomerProfiles}, {@link dev.retention.customer.OrderHistory}).
 * The tables {@code rtn_customer}, {@code rtn_order}, {@code rtn_order_line} and {@code rtn_refund} are also the
 * read model the analytics SQL groups over.
 */
package dev.retention.customer;
