package dev.retention.host;

/**
 * Thrown when an event is built with a missing or invalid fact. The message and {@link #field()} name the
 * offending field (for example {@code lines[2].quantity}) and the rule it broke, so the integrator can fix the
 * mapping. Nothing is stored for such an event.
 */
public class InvalidEventException extends IllegalArgumentException {

    private final String field;

    public InvalidEventException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    /** The path of the offending field, e.g. {@code baseTotals.subtotal}. */
    public String field() {
        return field;
    }
}
