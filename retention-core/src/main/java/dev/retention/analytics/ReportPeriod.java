package dev.retention.analytics;

import dev.retention.support.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A reporting period P = [from, to) of whole days in the reporting zone.
 *
 * @param from first day in the period
 * @param to   first day after the period
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        if (from == null) {
            throw new Problems.FieldException(400, "Invalid request", "from", "from: is required");
        }
        if (to == null) {
            throw new Problems.FieldException(400, "Invalid request", "to", "to: is required");
        }
        if (!to.isAfter(from)) {
            throw new Problems.FieldException(400, "Invalid request", "to", "to: must be after from (" + from + ")");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The period of the same length that ends where this one starts. */
    public ReportPeriod previous() {
        return new ReportPeriod(from.minusDays(days()), from);
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return to.atStartOfDay(zone).toInstant();
    }
}
