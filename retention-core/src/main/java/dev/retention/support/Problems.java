package dev.retention.support;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Classifies the refusals Retention Kit's services throw into HTTP-shaped problems, so the storefront and admin
 * web layers map them to RFC 9457 problem details the same way without core knowing about the web.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * A refusal worth showing to the caller.
     *
     * @param status HTTP status
     * @param field  the offending field or parameter, when known
     */
    public record Problem(int status, String title, String field, String detail) {
    }

    /** The problem for a refusal, or empty for an unexpected error (which stays a 500 and is logged). */
    public static Optional<Problem> classify(Throwable error) {
        if (error instanceof FieldException fieldError) {
            return Optional.of(new Problem(fieldError.status(), fieldError.title(), fieldError.field(),
                    fieldError.getMessage()));
        }
        if (error instanceof dev.retention.host.InvalidEventException invalid) {
            return Optional.of(new Problem(400, "Invalid request", invalid.field(), invalid.getMessage()));
        }
        if (error instanceof ArithmeticException) {
            // A model that cannot be fitted on this shop's data (too little history, a divergent series) is a
            // property of the data, not a server fault.
            return Optional.of(new Problem(422, "Cannot compute on this data", null,
                    "The model could not be computed on this data: " + error.getMessage()));
        }
        if (error instanceof NoSuchElementException) {
            return Optional.of(new Problem(404, "Not found", null, error.getMessage()));
        }
        if (error instanceof IllegalArgumentException) {
            String message = String.valueOf(error.getMessage());
            int colon = message.indexOf(':');
            String field = colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]/-]+")
                    ? message.substring(0, colon) : null;
            return Optional.of(new Problem(400, "Invalid request", field, message));
        }
        return Optional.empty();
    }

    /**
     * A refusal that names its field, with the status to answer: 400 for bad input, 409 for a conflict with the
     * current state (e.g. not enough points), 422 for a rule that refuses a well-formed request.
     */
    public static class FieldException extends RuntimeException {

        private final int status;
        private final String title;
        private final String field;

        public FieldException(int status, String title, String field, String message) {
            super(message);
            this.status = status;
            this.title = title;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        public String field() {
            return field;
        }
    }
}
