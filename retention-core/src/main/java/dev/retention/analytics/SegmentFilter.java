package dev.retention.analytics;

import dev.retention.support.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The criteria of a customer segment. Every criterion is optional (null or empty = any); all given ones must hold.
 * Erased customers are never members.
 *
 * @param rfmSegments      RFM segment in the latest scoring run is one of these
 * @param clvMin           predicted CLV (latest prediction run) at least this, in the base currency
 * @param clvMax           predicted CLV at most this
 * @param churnRisk        churn-risk label of the latest prediction is one of these
 * @param lastOrderBefore  the last counted (not cancelled) order was placed before the start of this day (reporting
 *                         zone); customers without a counted order do not match
 * @param lastOrderAfter   the last counted order was placed on or after the start of this day (reporting zone)
 * @param categories       bought at least one product of one of these categories in a counted order
 * @param locales          locale is one of these or a sub-locale of one ({@code de} matches {@code de-AT})
 * @param marketingConsent true: only customers with e-mail marketing consent; false: only those without
 * @param tiers            current loyalty tier ({@code rtn_loyalty_account.tier}) is one of these
 */
public record SegmentFilter(List<RfmSegment> rfmSegments, BigDecimal clvMin, BigDecimal clvMax,
        List<ChurnRiskLabel> churnRisk, LocalDate lastOrderBefore, LocalDate lastOrderAfter, List<String> categories,
        List<String> locales, Boolean marketingConsent, List<String> tiers) {

    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    public static final SegmentFilter ALL = new SegmentFilter(null, null, null, null, null, null, null, null, null, null);

    public SegmentFilter {
        rfmSegments = rfmSegments == null ? List.of() : List.copyOf(rfmSegments);
        churnRisk = churnRisk == null ? List.of() : List.copyOf(churnRisk);
        categories = categories == null ? List.of() : checked(categories, "categories");
        locales = locales == null ? List.of() : checked(locales, "locales");
        tiers = tiers == null ? List.of() : checked(tiers, "tiers");
        for (int i = 0; i < tiers.size(); i++) {
            String tier = tiers.get(i);
            if (tier.isBlank() || tier.length() > 60 || tier.contains("\n")) {
                throw invalid("tiers[" + i + "]", "tiers[" + i + "]: must be 1 to 60 characters on one line");
            }
        }
        clvMin = plain(clvMin);
        clvMax = plain(clvMax);
        if (clvMin != null && clvMax != null && clvMin.compareTo(clvMax) > 0) {
            throw invalid("clvMax", "clvMax: must not be less than clvMin (" + clvMin.toPlainString() + ")");
        }
        if (lastOrderBefore != null && lastOrderAfter != null && !lastOrderAfter.isBefore(lastOrderBefore)) {
            throw invalid("lastOrderBefore", "lastOrderBefore: must be after lastOrderAfter (" + lastOrderAfter + ")");
        }
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            if (category == null || category.isBlank() || category.length() > 200 || category.contains("\n")) {
                throw invalid("categories[" + i + "]",
                        "categories[" + i + "]: must be 1 to 200 characters on one line");
            }
        }
        for (int i = 0; i < locales.size(); i++) {
            String locale = locales.get(i);
            if (locale == null || !LOCALE.matcher(locale).matches() || locale.length() > 35) {
                throw invalid("locales[" + i + "]", "locales[" + i + "]: '" + locale
                        + "' is not a language tag (e.g. de or de-AT)");
            }
        }
    }

    /** A filter without a loyalty-tier criterion. */
    public SegmentFilter(List<RfmSegment> rfmSegments, BigDecimal clvMin, BigDecimal clvMax,
            List<ChurnRiskLabel> churnRisk, LocalDate lastOrderBefore, LocalDate lastOrderAfter, List<String> categories,
            List<String> locales, Boolean marketingConsent) {
        this(rfmSegments, clvMin, clvMax, churnRisk, lastOrderBefore, lastOrderAfter, categories, locales,
                marketingConsent, null);
    }

    /** An immutable copy; a null entry is refused with its position as the field. */
    private static List<String> checked(List<String> values, String field) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw invalid(field + "[" + i + "]", field + "[" + i + "]: must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** Without trailing zeros, so a filter read back from a DECIMAL(19, 4) column equals the one saved. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Problems.FieldException invalid(String field, String message) {
        return new Problems.FieldException(400, "Invalid segment", field, message);
    }
}
