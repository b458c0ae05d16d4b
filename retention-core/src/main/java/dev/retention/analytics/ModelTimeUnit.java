package dev.retention.analytics;

/** The time unit in which recency, T and forecast horizons are expressed for the predictive models. */
public enum ModelTimeUnit {
    DAYS(1),
    WEEKS(7);

    /** Average Gregorian month in days, used to turn monthly CLV horizons into model time. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    private final int days;

    ModelTimeUnit(int days) {
        this.days = days;
    }

    /** Days in one unit. */
    public int days() {
        return days;
    }

    /** Converts a number of days to this unit. */
    public double fromDays(double days) {
        return days / this.days;
    }

    /** Converts an amount of this unit to days. */
    public double toDays(double amount) {
        return amount * days;
    }
}
