package dev.retention.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the BG/NBD and Gamma-Gamma models know about one customer after the calibration period.
 *
 * <p>Purchases on the same day are merged into one transaction (their values added). {@code frequency} is the number
 * of repeat transactions (all transactions after the first) up to and including the calibration end; {@code recency}
 * is the time from the first to the last of those transactions; {@code t} is the time from the first transaction to
 * the calibration end; {@code monetaryValue} is the mean value of the repeat transactions (0 when there are none), as
 * the Gamma-Gamma model expects. When a holdout end is given, {@code holdoutPurchases} counts the transactions after
 * the calibration end up to and including the holdout end and {@code holdoutLength} is that period's length.
 *
 * @param customerId       the customer
 * @param firstPurchase    day of the first transaction
 * @param frequency        repeat transactions in the calibration period (x)
 * @param recency          time of the last transaction since the first (t<sub>x</sub>), in the model unit
 * @param t                time from the first transaction to the calibration end (T), in the model unit
 * @param monetaryValue    mean value of the repeat transactions, 0 when frequency is 0
 * @param holdoutPurchases transactions in the holdout period (0 without a holdout)
 * @param holdoutLength    length of the holdout period in the model unit (0 without a holdout)
 */
public record CustomerSummary(String customerId, LocalDate firstPurchase, int frequency, double recency, double t,
        double monetaryValue, int holdoutPurchases, double holdoutLength) {

    public CustomerSummary {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, was " + frequency);
        }
        if (!(recency >= 0) || !(t >= recency)) {
            throw new IllegalArgumentException("need 0 <= recency <= T, was recency=" + recency + " T=" + t);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("recency must be 0 when frequency is 0, was " + recency);
        }
    }

    /** A summary given directly by its statistics (no holdout). */
    public static CustomerSummary of(String customerId, int frequency, double recency, double t,
            double monetaryValue) {
        return new CustomerSummary(customerId, null, frequency, recency, t, monetaryValue, 0, 0);
    }

    /** Starts building summaries from purchases, with time measured in {@code unit} up to {@code calibrationEnd}. */
    public static Builder builder(ModelTimeUnit unit, LocalDate calibrationEnd) {
        return new Builder(unit, calibrationEnd);
    }

    /** Builds summaries from individual purchases (any order). */
    public static final class Builder {

        private final ModelTimeUnit unit;
        private final LocalDate calibrationEnd;
        private LocalDate holdoutEnd;
        private final Map<String, TreeMap<LocalDate, Double>> days = new TreeMap<>();

        private Builder(ModelTimeUnit unit, LocalDate calibrationEnd) {
            this.unit = Objects.requireNonNull(unit, "unit");
            this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        }

        /** Also counts transactions after the calibration end up to and including {@code end}. */
        public Builder holdoutEnd(LocalDate end) {
            if (!end.isAfter(calibrationEnd)) {
                throw new IllegalArgumentException("holdout end " + end + " must be after calibration end "
                        + calibrationEnd);
            }
            this.holdoutEnd = end;
            return this;
        }

        public Builder add(Purchase purchase) {
            return add(purchase.customerId(), purchase.date(), purchase.value());
        }

        public Builder addAll(Iterable<Purchase> purchases) {
            for (Purchase p : purchases) {
                add(p);
            }
            return this;
        }

        /** Adds one purchase; purchases of the same customer on the same day become one transaction. */
        public Builder add(String customerId, LocalDate date, double value) {
            days.computeIfAbsent(customerId, id -> new TreeMap<>()).merge(date, value, Double::sum);
            return this;
        }

        /**
         * One summary per customer whose first transaction is on or before the calibration end, ordered by customer
         * id. Customers who first bought later are not in the calibration population and are left out.
         */
        public List<CustomerSummary> build() {
            List<CustomerSummary> result = new ArrayList<>(days.size());
            for (Map.Entry<String, TreeMap<LocalDate, Double>> e : days.entrySet()) {
                CustomerSummary summary = fromDays(e.getKey(), e.getValue(), unit, calibrationEnd, holdoutEnd);
                if (summary != null) {
                    result.add(summary);
                }
            }
            return Collections.unmodifiableList(result);
        }
    }

    /**
     * The summary of one customer from their transaction days (value per day, purchases of a day already merged),
     * or null when their first transaction is after the calibration end. {@code holdoutEnd} may be null.
     */
    public static CustomerSummary fromDays(String customerId, SortedMap<LocalDate, Double> days, ModelTimeUnit unit,
            LocalDate calibrationEnd, LocalDate holdoutEnd) {
        if (days.isEmpty()) {
            return null;
        }
        LocalDate first = days.firstKey();
        if (first.isAfter(calibrationEnd)) {
            return null;
        }
        int repeats = 0;
        double repeatValue = 0;
        LocalDate last = first;
        int holdout = 0;
        for (Map.Entry<LocalDate, Double> day : days.entrySet()) {
            LocalDate d = day.getKey();
            if (!d.isAfter(calibrationEnd)) {
                if (!d.equals(first)) {
                    repeats++;
                    repeatValue += day.getValue();
                    last = d;
                }
            } else if (holdoutEnd != null && !d.isAfter(holdoutEnd)) {
                holdout++;
            }
        }
        double recency = unit.fromDays(ChronoUnit.DAYS.between(first, last));
        double t = unit.fromDays(ChronoUnit.DAYS.between(first, calibrationEnd));
        double holdoutLength = holdoutEnd == null ? 0 : unit.fromDays(ChronoUnit.DAYS.between(calibrationEnd,
                holdoutEnd));
        return new CustomerSummary(customerId, first, repeats, recency, t, repeats == 0 ? 0 : repeatValue / repeats,
                holdout, holdoutLength);
    }
}
