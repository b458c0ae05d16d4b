package dev.retention.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks whether BG/NBD predictions deserve trust on a shop's own history: fit on a calibration period, then compare
 * with what happened in the holdout period that follows, (1) per customer grouped by calibration frequency and (2) as
 * the cumulative weekly tracking curve of repeat transactions (Fader, Hardie &amp; Lee 2005, figures 2 and 4).
 */
public final class ModelCheck {

    /** Calibration frequencies from this value up are pooled into one "7+" row. */
    public static final int POOLED_FREQUENCY = 7;

    /**
     * Actual vs expected holdout transactions per customer for one calibration frequency.
     *
     * @param frequency       repeat transactions in calibration ("7+" pools the rest)
     * @param customers       customers with that frequency
     * @param actualMean      mean holdout transactions they made
     * @param expectedMean    mean of E[Y(holdout) | x, t<sub>x</sub>, T] over them
     */
    public record FrequencyRow(String frequency, long customers, double actualMean, double expectedMean) {
    }

    /**
     * Cumulative repeat transactions of the calibration cohort up to the end of a week.
     *
     * @param week       1-based week since the first purchase of the cohort
     * @param end        the week ends before this day
     * @param actual     cumulative repeat transactions actually made
     * @param expected   cumulative repeat transactions the model expects, Σ E[X(end - first purchase)]
     * @param holdout    whether the week lies (partly) after the calibration end
     */
    public record TrackingRow(int week, LocalDate end, long actual, double expected, boolean holdout) {
    }

    /** The fitted model with both comparisons. */
    public record Report(BgNbdModel model, ModelTimeUnit unit, LocalDate calibrationEnd, LocalDate holdoutEnd,
            long customers, List<FrequencyRow> byFrequency, List<TrackingRow> tracking) {
    }

    private ModelCheck() {
    }

    /**
     * Fits BG/NBD to the purchases up to and including {@code calibrationEnd} and compares its predictions with the
     * purchases after it, up to and including {@code holdoutEnd}. Customers who first bought after the calibration
     * end are not part of the check.
     */
    public static Report run(Collection<Purchase> purchases, ModelTimeUnit unit, LocalDate calibrationEnd,
            LocalDate holdoutEnd) {
        Objects.requireNonNull(unit, "unit");
        List<CustomerSummary> summaries = CustomerSummary.builder(unit, calibrationEnd).holdoutEnd(holdoutEnd)
                .addAll(purchases).build();
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no customer bought on or before " + calibrationEnd);
        }
        BgNbdModel model = BgNbdModel.fit(summaries);
        return new Report(model, unit, calibrationEnd, holdoutEnd, summaries.size(), byFrequency(model, summaries),
                tracking(model, unit, purchases, summaries, calibrationEnd, holdoutEnd));
    }

    private static List<FrequencyRow> byFrequency(BgNbdModel model, List<CustomerSummary> summaries) {
        long[] customers = new long[POOLED_FREQUENCY + 1];
        double[] actual = new double[POOLED_FREQUENCY + 1];
        double[] expected = new double[POOLED_FREQUENCY + 1];
        for (CustomerSummary s : summaries) {
            int row = Math.min(s.frequency(), POOLED_FREQUENCY);
            customers[row]++;
            actual[row] += s.holdoutPurchases();
            expected[row] += model.expectedPurchases(s.holdoutLength(), s);
        }
        List<FrequencyRow> rows = new ArrayList<>();
        for (int i = 0; i <= POOLED_FREQUENCY; i++) {
            String label = i == POOLED_FREQUENCY ? POOLED_FREQUENCY + "+" : Integer.toString(i);
            rows.add(new FrequencyRow(label, customers[i], customers[i] == 0 ? 0 : actual[i] / customers[i],
                    customers[i] == 0 ? 0 : expected[i] / customers[i]));
        }
        return rows;
    }

    private static List<TrackingRow> tracking(BgNbdModel model, ModelTimeUnit unit, Collection<Purchase> purchases,
            List<CustomerSummary> summaries, LocalDate calibrationEnd, LocalDate holdoutEnd) {
        Map<String, LocalDate> first = new TreeMap<>();
        TreeMap<LocalDate, Long> cohortByFirstDay = new TreeMap<>();
        for (CustomerSummary s : summaries) {
            first.put(s.customerId(), s.firstPurchase());
            cohortByFirstDay.merge(s.firstPurchase(), 1L, Long::sum);
        }
        // Repeat transactions: distinct purchase days after the customer's first day (same-day purchases merged).
        Map<String, Set<LocalDate>> days = new TreeMap<>();
        for (Purchase p : purchases) {
            LocalDate f = first.get(p.customerId());
            if (f != null && p.date().isAfter(f) && !p.date().isAfter(holdoutEnd)) {
                days.computeIfAbsent(p.customerId(), id -> new HashSet<>()).add(p.date());
            }
        }
        TreeMap<LocalDate, Long> repeatsPerDay = new TreeMap<>();
        for (Set<LocalDate> ds : days.values()) {
            for (LocalDate d : ds) {
                repeatsPerDay.merge(d, 1L, Long::sum);
            }
        }
        LocalDate start = cohortByFirstDay.firstKey();
        long weeks = (ChronoUnit.DAYS.between(start, holdoutEnd) + 1 + 6) / 7;
        List<TrackingRow> rows = new ArrayList<>();
        long cumulative = 0;
        LocalDate counted = start;
        for (int w = 1; w <= weeks; w++) {
            LocalDate end = start.plusDays(7L * w);
            LocalDate limit = end.isAfter(holdoutEnd.plusDays(1)) ? holdoutEnd.plusDays(1) : end;
            for (Long n : repeatsPerDay.subMap(counted, true, limit, false).values()) {
                cumulative += n;
            }
            counted = limit;
            double expected = 0;
            for (Map.Entry<LocalDate, Long> cohort : cohortByFirstDay.entrySet()) {
                long elapsed = ChronoUnit.DAYS.between(cohort.getKey(), limit);
                if (elapsed > 0) {
                    expected += cohort.getValue() * model.expectedPurchases(unit.fromDays(elapsed));
                }
            }
            rows.add(new TrackingRow(w, limit, cumulative, expected, limit.isAfter(calibrationEnd.plusDays(1))));
        }
        return rows;
    }
}
