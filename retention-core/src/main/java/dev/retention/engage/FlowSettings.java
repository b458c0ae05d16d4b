package dev.retention.engage;

import dev.retention.support.Problems.FieldException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * How one flow behaves; validated on construction so a bad admin edit is refused with the field it concerns.
 *
 * @param enabled          whether the flow sends at all
 * @param delays           delay of each step (see {@link Flow#defaultDelays()}); at least one, none negative
 * @param holdoutPercent   share of customers kept out of a marketing flow to measure its lift, 0-50
 * @param couponPercent    percent off of the coupon the flow offers (win-back, birthday), 0 for none, at most 90
 * @param couponValidDays  how long an offered coupon stays valid, 1-365
 * @param intervalFactor   win-back: the customer is lapsed after this many times their usual interval, 1-10
 */
public record FlowSettings(boolean enabled, List<Duration> delays, int holdoutPercent, BigDecimal couponPercent,
        int couponValidDays, BigDecimal intervalFactor) {

    public FlowSettings {
        if (delays == null || delays.isEmpty()) {
            throw invalid("delays", "at least one step delay is required");
        }
        for (int i = 0; i < delays.size(); i++) {
            if (delays.get(i) == null || delays.get(i).isNegative()) {
                throw invalid("delays[" + i + "]", "must be zero or positive");
            }
            if (delays.get(i).compareTo(Duration.ofDays(400)) > 0) {
                throw invalid("delays[" + i + "]", "must be at most 400 days");
            }
        }
        delays = List.copyOf(delays);
        if (holdoutPercent < 0 || holdoutPercent > 50) {
            throw invalid("holdoutPercent", "must be between 0 and 50, was " + holdoutPercent);
        }
        couponPercent = couponPercent == null ? BigDecimal.ZERO : couponPercent;
        if (couponPercent.signum() < 0 || couponPercent.compareTo(BigDecimal.valueOf(90)) > 0) {
            throw invalid("couponPercent", "must be between 0 and 90, was " + couponPercent.toPlainString());
        }
        if (couponValidDays < 1 || couponValidDays > 365) {
            throw invalid("couponValidDays", "must be between 1 and 365, was " + couponValidDays);
        }
        intervalFactor = intervalFactor == null ? BigDecimal.valueOf(1.5) : intervalFactor;
        if (intervalFactor.compareTo(BigDecimal.ONE) < 0 || intervalFactor.compareTo(BigDecimal.TEN) > 0) {
            throw invalid("intervalFactor", "must be between 1 and 10, was " + intervalFactor.toPlainString());
        }
    }

    /** The defaults of a flow: enabled, its default delays, the given holdout, 10% coupons valid 14 days. */
    public static FlowSettings defaults(Flow flow, int holdoutPercent) {
        return new FlowSettings(true, flow.defaultDelays(), flow.marketing() ? holdoutPercent : 0,
                flow == Flow.WIN_BACK || flow == Flow.BIRTHDAY ? BigDecimal.TEN : BigDecimal.ZERO, 14,
                BigDecimal.valueOf(1.5));
    }

    /** Delay of step {@code step} (1-based); the last delay repeats for later steps. */
    public Duration delay(int step) {
        return delays.get(Math.min(step, delays.size()) - 1);
    }

    private static FieldException invalid(String field, String message) {
        return new FieldException(400, "Invalid flow settings", field, field + ": " + message);
    }
}
