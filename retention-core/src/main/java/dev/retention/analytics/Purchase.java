package dev.retention.analytics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One counted purchase as the models see it: who, on which day (in the reporting zone), for how much (base currency,
 * net of refunds).
 */
public record Purchase(String customerId, LocalDate date, double value) {

    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
    }
}
