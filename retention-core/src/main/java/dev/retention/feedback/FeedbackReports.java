package dev.retention.feedback;

import dev.retention.support.UtcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feedback results: NPS = % promoters - % detractors (of NPS answers), the 0-10 distribution, the monthly trend,
 * CSAT = % of ratings that are 4 or 5, and the latest comments with customer and order.
 */
public class FeedbackReports {

    /** NPS over a period. {@code nps} is null without answers. */
    public record NpsSummary(long answers, long promoters, long passives, long detractors, Double nps,
            long[] distribution, long ratings, Double csat) {
    }

    /** NPS of one calendar month (UTC). */
    public record NpsPoint(String month, long answers, Double nps) {
    }

    private final JdbcClient jdbc;

    public FeedbackReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NpsSummary summary(Instant from, Instant to) {
        long[] distribution = new long[11];
        jdbc.sql("SELECT score, COUNT(*) AS n FROM rtn_feedback_answer WHERE score IS NOT NULL AND answered_at >= ?"
                        + " AND answered_at < ? GROUP BY score")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to))
                .query((rs, n) -> distribution[rs.getInt("score")] = rs.getLong("n"))
                .list();
        long[] ratings = jdbc.sql("SELECT COUNT(*) AS n, SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) AS good"
                        + " FROM rtn_feedback_answer WHERE rating IS NOT NULL AND answered_at >= ? AND answered_at < ?")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to))
                .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("good")})
                .single();
        return summarise(distribution, ratings[0], ratings[1]);
    }

    static NpsSummary summarise(long[] distribution, long ratings, long goodRatings) {
        long promoters = distribution[9] + distribution[10];
        long passives = distribution[7] + distribution[8];
        long detractors = 0;
        for (int score = 0; score <= 6; score++) {
            detractors += distribution[score];
        }
        long answers = promoters + passives + detractors;
        Double nps = answers == 0 ? null : 100.0 * (promoters - detractors) / answers;
        Double csat = ratings == 0 ? null : 100.0 * goodRatings / ratings;
        return new NpsSummary(answers, promoters, passives, detractors, nps, distribution, ratings, csat);
    }

    /** NPS per month in the period, oldest first. */
    public List<NpsPoint> trend(Instant from, Instant to) {
        Map<String, long[]> months = new TreeMap<>();
        jdbc.sql("SELECT score, answered_at FROM rtn_feedback_answer WHERE score IS NOT NULL AND answered_at >= ?"
                        + " AND answered_at < ?")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to))
                .query((rs, n) -> {
                    String month = YearMonth.from(UtcTime.read(rs, "answered_at").atZone(ZoneOffset.UTC)).toString();
                    months.computeIfAbsent(month, m -> new long[11])[rs.getInt("score")]++;
                    return month;
                })
                .list();
        List<NpsPoint> points = new ArrayList<>();
        months.forEach((month, distribution) -> {
            NpsSummary summary = summarise(distribution, 0, 0);
            points.add(new NpsPoint(month, summary.answers(), summary.nps()));
        });
        return points;
    }

    /** Latest answers that carry a comment, with customer and order. */
    public List<FeedbackAnswer> comments(Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT * FROM rtn_feedback_answer WHERE comment IS NOT NULL AND answered_at >= ?"
                        + " AND answered_at < ? ORDER BY answered_at DESC")
                .params(UtcTime.toColumn(from), UtcTime.toColumn(to))
                .withMaxRows(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    static FeedbackAnswer map(ResultSet rs) throws SQLException {
        String category = rs.getString("category");
        return new FeedbackAnswer(rs.getString("invitation_id"), rs.getString("customer_id"), rs.getString("order_id"),
                rs.getString("kind"), (Integer) rs.getObject("score", Integer.class),
                category == null ? null : NpsCategory.valueOf(category), rs.getObject("rating", Integer.class),
                rs.getString("choice"), rs.getString("comment"), UtcTime.read(rs, "answered_at"),
                rs.getString("alert_status"));
    }
}
