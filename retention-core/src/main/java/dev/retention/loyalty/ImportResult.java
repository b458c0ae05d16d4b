package dev.retention.loyalty;

import java.util.List;

/** Outcome of an opening-balance import: either every row imported, or none and the errors per row. */
public record ImportResult(int imported, long points, List<RowError> errors) {

    /** A refused row; {@code line} is 1-based and counts the header. */
    public record RowError(int line, String field, String message) {
    }

    public boolean accepted() {
        return errors.isEmpty();
    }
}
