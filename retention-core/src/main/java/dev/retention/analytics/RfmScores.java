package dev.retention.analytics;

import static dev.retention.analytics.internal.ReportSql.COUNTED;
import static dev.retention.analytics.internal.ReportSql.REVENUE;

import dev.retention.ingest.RetentionJob;
import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores every customer with a counted order (RFM quintiles and segment) and keeps each run, so the admin can see
 * segment sizes and the moves between the last two runs. Recomputed by the {@code analytics.rfm} job.
 */
public class RfmScores {

    /** One scoring run. */
    public record Run(long runId, Instant computedAt, int customers) {
    }

    /** Size and value of one segment in a run. */
    public record SegmentSize(RfmSegment segment, long customers, BigDecimal share, BigDecimal revenue,
            BigDecimal averageRecencyScore, BigDecimal averageFrequencyScore, BigDecimal averageMonetaryScore) {
    }

    /** Customers who were in {@code from} in the previous run and are in {@code to} in the latest one. */
    public record Move(RfmSegment from, RfmSegment to, long customers) {
    }

    /** A customer's scores in one run. */
    public record CustomerScore(long runId, Instant computedAt, String customerId, int recency, int frequency,
            int monetary, RfmSegment segment, int orders, BigDecimal revenue, Instant lastOrderAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Clock clock;

    public RfmScores(JdbcTemplate template, TransactionTemplate tx, Clock clock) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.tx = tx;
        this.clock = clock;
    }

    /** Scores all customers as of now and stores the run. */
    public Run score(RetentionJob.JobProgress progress) {
        Instant asOf = clock.instant();
        List<RfmScoring.Input> inputs = jdbc.sql("SELECT o.customer_id, MAX(o.placed_at) last_at, COUNT(*) n, SUM("
                        + REVENUE + ") revenue FROM rtn_order o WHERE " + COUNTED
                        + " AND o.placed_at < ? GROUP BY o.customer_id")
                .param(UtcTime.toColumn(asOf))
                .query((rs, i) -> new RfmScoring.Input(rs.getString(1), UtcTime.read(rs, "last_at"), rs.getInt(3),
                        rs.getBigDecimal(4).setScale(4, RoundingMode.HALF_UP)))
                .list();
        progress.update(0, inputs.size());
        List<RfmScoring.Score> scores = RfmScoring.score(inputs);
        return tx.execute(status -> {
            jdbc.sql("INSERT INTO rtn_rfm_run (computed_at, customers) VALUES (?, ?)")
                    .params(UtcTime.toColumn(asOf), scores.size()).update();
            long runId = jdbc.sql("SELECT MAX(run_id) FROM rtn_rfm_run").query(Long.class).single();
            List<Object[]> rows = new ArrayList<>(1000);
            int done = 0;
            for (RfmScoring.Score s : scores) {
                rows.add(new Object[] {runId, s.input().customerId(), UtcTime.toColumn(s.input().lastOrderAt()),
                    s.input().orders(), s.input().revenue(), s.recency(), s.frequency(), s.monetary(),
                    s.segment().name()});
                if (rows.size() == 1000) {
                    done += rows.size();
                    insert(rows);
                    progress.update(done, scores.size());
                }
            }
            insert(rows);
            progress.update(scores.size(), scores.size());
            return new Run(runId, asOf, scores.size());
        });
    }

    private void insert(List<Object[]> rows) {
        template.batchUpdate("INSERT INTO rtn_rfm_score (run_id, customer_id, last_order_at, orders, revenue, r_score,"
                + " f_score, m_score, segment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }

    /** The latest runs, newest first. */
    public List<Run> runs(int limit) {
        return jdbc.sql("SELECT run_id, computed_at, customers FROM rtn_rfm_run ORDER BY run_id DESC")
                .withMaxRows(limit)
                .query((rs, i) -> new Run(rs.getLong(1), UtcTime.read(rs, "computed_at"), rs.getInt(3))).list();
    }

    public Optional<Run> latest() {
        return runs(1).stream().findFirst();
    }

    /** Segment sizes of the latest run, largest first (empty before the first run). */
    public List<SegmentSize> segments() {
        Optional<Run> run = latest();
        if (run.isEmpty() || run.get().customers() == 0) {
            return List.of();
        }
        BigDecimal total = BigDecimal.valueOf(run.get().customers());
        return jdbc.sql("SELECT segment, COUNT(*), SUM(revenue), SUM(r_score), SUM(f_score), SUM(m_score)"
                        + " FROM rtn_rfm_score WHERE run_id = ? GROUP BY segment ORDER BY COUNT(*) DESC, segment")
                .param(run.get().runId())
                .query((rs, i) -> {
                    long n = rs.getLong(2);
                    BigDecimal count = BigDecimal.valueOf(n);
                    return new SegmentSize(RfmSegment.valueOf(rs.getString(1)), n,
                            RetentionReports.ratio(count, total),
                            rs.getBigDecimal(3).setScale(4, RoundingMode.HALF_UP),
                            RetentionReports.ratio(BigDecimal.valueOf(rs.getLong(4)), count),
                            RetentionReports.ratio(BigDecimal.valueOf(rs.getLong(5)), count),
                            RetentionReports.ratio(BigDecimal.valueOf(rs.getLong(6)), count));
                })
                .list();
    }

    /**
     * Moves between the previous and the latest run, for customers scored in both (customers scored for the first
     * time appear with {@code from} null).
     */
    public List<Move> moves() {
        List<Run> last = runs(2);
        if (last.size() < 2) {
            return List.of();
        }
        return jdbc.sql("SELECT p.segment, c.segment, COUNT(*) FROM rtn_rfm_score c LEFT JOIN rtn_rfm_score p"
                        + " ON p.customer_id = c.customer_id AND p.run_id = ? WHERE c.run_id = ?"
                        + " GROUP BY p.segment, c.segment ORDER BY COUNT(*) DESC, p.segment, c.segment")
                .params(last.get(1).runId(), last.get(0).runId())
                .query((rs, i) -> new Move(rs.getString(1) == null ? null : RfmSegment.valueOf(rs.getString(1)),
                        RfmSegment.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    /** The customer's scores in every run, newest first. */
    public List<CustomerScore> history(String customerId) {
        return jdbc.sql("SELECT s.run_id, r.computed_at, s.customer_id, s.r_score, s.f_score, s.m_score, s.segment,"
                        + " s.orders, s.revenue, s.last_order_at FROM rtn_rfm_score s JOIN rtn_rfm_run r"
                        + " ON r.run_id = s.run_id WHERE s.customer_id = ? ORDER BY s.run_id DESC")
                .param(customerId)
                .query((rs, i) -> new CustomerScore(rs.getLong(1), UtcTime.read(rs, "computed_at"), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), RfmSegment.valueOf(rs.getString(7)), rs.getInt(8),
                        rs.getBigDecimal(9), UtcTime.read(rs, "last_order_at")))
                .list();
    }

    /** Removes the customer's scores from every run (the privacy erasure). */
    public void forget(String customerId) {
        jdbc.sql("DELETE FROM rtn_rfm_score WHERE customer_id = ?").param(customerId).update();
    }
}
