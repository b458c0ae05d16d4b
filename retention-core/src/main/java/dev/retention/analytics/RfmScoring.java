package dev.retention.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFM quintile scores (DESIGN.md §5). Each dimension ranks the customers in ascending order of "goodness" and gives
 * the customer at 0-based position i of n the score ⌊5 i / n⌋ + 1, so the five scores have equal sizes (±1):
 * recency by last order time (most recent = 5) and monetary by revenue, both with ties broken by customer id;
 * frequency by number of orders with ties assigned to the lower bucket (every customer with the same number of orders
 * gets the score of the first position holding that number). Segments come from {@link RfmSegmentGrid}.
 */
public final class RfmScoring {

    /** What the database aggregated for one customer. */
    public record Input(String customerId, Instant lastOrderAt, int orders, BigDecimal revenue) {
    }

    /** The scores and segment of one customer. */
    public record Score(Input input, int recency, int frequency, int monetary, RfmSegment segment) {
    }

    private RfmScoring() {
    }

    public static List<Score> score(List<Input> customers) {
        int n = customers.size();
        Map<String, Integer> r = new HashMap<>();
        Map<String, Integer> f = new HashMap<>();
        Map<String, Integer> m = new HashMap<>();
        List<Input> sorted = new ArrayList<>(customers);
        sorted.sort(Comparator.comparing(Input::lastOrderAt).thenComparing(Input::customerId));
        for (int i = 0; i < n; i++) {
            r.put(sorted.get(i).customerId(), quintile(i, n));
        }
        sorted.sort(Comparator.comparing(Input::revenue).thenComparing(Input::customerId));
        for (int i = 0; i < n; i++) {
            m.put(sorted.get(i).customerId(), quintile(i, n));
        }
        sorted.sort(Comparator.comparingInt(Input::orders).thenComparing(Input::customerId));
        int firstOfValue = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && sorted.get(i).orders() != sorted.get(i - 1).orders()) {
                firstOfValue = i;
            }
            f.put(sorted.get(i).customerId(), quintile(firstOfValue, n));
        }
        List<Score> scores = new ArrayList<>(n);
        for (Input c : customers) {
            int rs = r.get(c.customerId());
            int fs = f.get(c.customerId());
            int ms = m.get(c.customerId());
            scores.add(new Score(c, rs, fs, ms, RfmSegmentGrid.segment(rs, fs, ms)));
        }
        return scores;
    }

    private static int quintile(int position, int n) {
        return (int) (5L * position / n) + 1;
    }
}
