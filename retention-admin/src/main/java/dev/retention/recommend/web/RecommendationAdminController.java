package dev.retention.recommend.web;

import dev.retention.recommend.RecommendationFeedback;
import dev.retention.recommend.RecommendationFeedback.PlacementStats;
import dev.retention.support.Problems;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recommendation report for the admin console: impressions, click-through and attributed revenue per
 * placement over UTC days {@code [from, to)}.
 */
@RestController
public class RecommendationAdminController {

    private static final int MAX_DAYS = 366;

    private final RecommendationFeedback feedback;
    private final Clock clock;

    public RecommendationAdminController(RecommendationFeedback feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    /** The report; {@code total} sums the placements. */
    public record Report(LocalDate from, LocalDate to, List<PlacementStats> placements, PlacementStats total) {
    }

    /**
     * @param from first day (UTC), default 30 days before {@code to}
     * @param to   day after the last (UTC), default tomorrow
     */
    @GetMapping("/admin/retention/api/recommendations/report")
    public Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        LocalDate start = from != null ? from : end.minusDays(30);
        if (!start.isBefore(end)) {
            throw new Problems.FieldException(400, "Invalid request", "to", "to: must be after from");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw new Problems.FieldException(400, "Invalid request", "from",
                    "from: the report covers at most " + MAX_DAYS + " days");
        }
        List<PlacementStats> placements = feedback.report(start.atStartOfDay().toInstant(ZoneOffset.UTC),
                end.atStartOfDay().toInstant(ZoneOffset.UTC));
        long impressions = 0;
        long clicks = 0;
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (PlacementStats s : placements) {
            impressions += s.impressions();
            clicks += s.clicks();
            orders += s.attributedOrders();
            revenue = revenue.add(s.attributedRevenue());
        }
        PlacementStats total = new PlacementStats(null, impressions, clicks,
                impressions == 0 ? 0.0 : (double) clicks / impressions, orders, revenue);
        return new Report(start, end, placements, total);
    }
}
