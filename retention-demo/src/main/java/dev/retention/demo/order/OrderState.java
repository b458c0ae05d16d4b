package dev.retention.demo.order;

/** Where an order is in its life. */
public enum OrderState {
    PLACED, DELIVERED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED
}
