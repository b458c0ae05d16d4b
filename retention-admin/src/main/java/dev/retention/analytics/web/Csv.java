package dev.retention.analytics.web;

import java.util.List;

/** RFC 4180 CSV: a header row and data rows, fields quoted when they hold a comma, quote or line break. */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv(String... header) {
        row((Object[]) header);
    }

    Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(fields[i]));
        }
        out.append("\r\n");
        return this;
    }

    Csv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    static String escape(Object field) {
        if (field == null) {
            return "";
        }
        String text = field instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : field.toString();
        // A leading =, +, - or @ would be run as a formula by spreadsheet programs: quote and prefix it.
        if (!text.isEmpty() && "=+@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
