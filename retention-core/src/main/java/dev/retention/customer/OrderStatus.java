package dev.retention.customer;

/** Lifecycle of an order as Retention Kit tracks it. Refunds are amounts on top of any status. */
public enum OrderStatus {
    PLACED, COMPLETED, CANCELLED
}
