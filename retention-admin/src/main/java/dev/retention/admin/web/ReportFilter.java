package dev.retention.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The date range and segment every report page carries in its query string ({@code ?from=&to=&segment=}), so a
 * link shows the same report to the next admin. Without dates the last twelve months up to today are shown.
 */
public record ReportFilter(LocalDate from, LocalDate to, String segment) {

    static ReportFilter of(String from, String to, String segment, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate end = parse("to", to, today.plusDays(1));
        LocalDate start = parse("from", from, end.minusMonths(12));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from: must be before to (" + start + " >= " + end + ")");
        }
        return new ReportFilter(start, end, segment == null || segment.isBlank() ? null : segment.trim());
    }

    /** The query string the report API gets: {@code from=...&to=...[&segment=...]}. */
    public String query() {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance().queryParam("from", from)
                .queryParam("to", to);
        if (segment != null) {
            builder.queryParam("segment", segment);
        }
        return builder.encode().build().getQuery();
    }

    private static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": must be a date like 2026-01-31, was '" + value + "'");
        }
    }
}
