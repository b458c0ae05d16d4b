package dev.retention.loyalty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tiers: a shopper qualifies by points earned or money spent (base currency) in a rolling window or the
 * calendar year (UTC). An upgrade applies as soon as the threshold is reached; a downgrade only at a review,
 * held at the end of the period plus the grace period.
 *
 * @param basis      POINTS_EARNED or AMOUNT_SPENT
 * @param window     ROLLING (the last {@code windowDays}) or CALENDAR_YEAR
 * @param windowDays length of the rolling window
 * @param graceDays  days after the period end before a downgrade applies
 * @param tiers      ascending thresholds; a shopper below the first threshold has no tier
 */
public record TierPolicy(Basis basis, Window window, int windowDays, int graceDays, List<Tier> tiers) {

    public enum Basis { POINTS_EARNED, AMOUNT_SPENT }

    public enum Window { ROLLING, CALENDAR_YEAR }

    public TierPolicy {
        if (basis == null) {
            throw new IllegalArgumentException("tiers.basis: must be POINTS_EARNED or AMOUNT_SPENT");
        }
        if (window == null) {
            throw new IllegalArgumentException("tiers.window: must be ROLLING or CALENDAR_YEAR");
        }
        if (window == Window.ROLLING && windowDays < 1) {
            throw new IllegalArgumentException("tiers.windowDays: must be at least 1, was " + windowDays);
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("tiers.graceDays: must be zero or more, was " + graceDays);
        }
        tiers = List.copyOf(tiers == null ? List.of() : tiers);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (names.contains(tiers.get(i).name())) {
                throw new IllegalArgumentException("tiers.tiers[" + i + "].name: duplicate tier " + tiers.get(i).name());
            }
            names.add(tiers.get(i).name());
            if (i > 0 && tiers.get(i).threshold().compareTo(tiers.get(i - 1).threshold()) <= 0) {
                throw new IllegalArgumentException("tiers.tiers[" + i + "].threshold: thresholds must ascend");
            }
        }
    }

    /** The highest tier whose threshold the qualifying value reaches, or empty. */
    public Optional<Tier> tierFor(BigDecimal qualifying) {
        return tiers.stream().filter(t -> qualifying.compareTo(t.threshold()) >= 0)
                .max(Comparator.comparing(Tier::threshold));
    }

    public Optional<Tier> tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Rank of a tier: -1 for none, 0 for the lowest. */
    public int rank(String name) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The next tier above {@code current}, if any. */
    public Optional<Tier> next(String current) {
        int rank = rank(current);
        return rank + 1 < tiers.size() ? Optional.of(tiers.get(rank + 1)) : Optional.empty();
    }

    /** Start of the qualifying window that ends at {@code at}. */
    public Instant windowStart(Instant at) {
        if (window == Window.ROLLING) {
            return at.minus(Duration.ofDays(windowDays));
        }
        return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfYear(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** When a tier held since {@code since} is next reviewed for a downgrade. */
    public Instant reviewAt(Instant since) {
        Instant periodEnd = window == Window.ROLLING ? since.plus(Duration.ofDays(windowDays))
                : LocalDate.ofInstant(since, ZoneOffset.UTC).withDayOfYear(1).plusYears(1).atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
        return periodEnd.plus(Duration.ofDays(graceDays));
    }

    /**
     * One tier.
     *
     * @param threshold    qualifying points or money to reach it
     * @param freeShipping whether members get a free-shipping reward
     * @param benefits     text shown to shoppers (e.g. "Early access to sales")
     */
    public record Tier(String name, BigDecimal threshold, boolean freeShipping, String benefits) {
        public Tier {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("tiers.name: must not be blank");
            }
            if (threshold == null || threshold.signum() < 0) {
                throw new IllegalArgumentException("tiers.threshold: must be zero or more");
            }
        }
    }
}
