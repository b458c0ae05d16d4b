package dev.retention.host;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Constructor checks shared by the event records; each failure names the field it rejects. */
final class Require {

    private Require() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field, "is required and must not be blank");
        }
        if (value.length() > 200) {
            throw new InvalidEventException(field, "must be at most 200 characters, was " + value.length());
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }

    static BigDecimal nonNegative(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0) {
            throw new InvalidEventException(field, "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal nonNegativeOrZero(BigDecimal value, String field) {
        return value == null ? BigDecimal.ZERO : nonNegative(value, field);
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidEventException(field, "must not be negative, was " + value);
        }
        return value;
    }

    static int positive(int value, String field) {
        if (value <= 0) {
            throw new InvalidEventException(field, "must be positive, was " + value);
        }
        return value;
    }

    static String currency(String value, String field) {
        text(value, field);
        if (!value.matches("[A-Z]{3}")) {
            throw new InvalidEventException(field, "must be an ISO 4217 code such as EUR, was '" + value + "'");
        }
        return value;
    }

    static String email(String value, String field) {
        text(value, field);
        int at = value.indexOf('@');
        if (at < 1 || at == value.length() - 1) {
            throw new InvalidEventException(field, "must be an e-mail address, was '" + value + "'");
        }
        return value.trim();
    }

    static Locale locale(Locale value, String field) {
        return value == null ? Locale.ENGLISH : value;
    }

    static <T> List<T> copy(Collection<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidEventException(field, "must not contain null elements");
            }
        }
        return List.copyOf(values);
    }

    static <T> List<T> nonEmpty(Collection<T> values, String field) {
        List<T> copy = copy(values, field);
        if (copy.isEmpty()) {
            throw new InvalidEventException(field, "must contain at least one element");
        }
        return copy;
    }
}
