package dev.retention.analytics;

import static dev.retention.analytics.RfmSegment.ABOUT_TO_SLEEP;
import static dev.retention.analytics.RfmSegment.AT_RISK;
import static dev.retention.analytics.RfmSegment.CANT_LOSE_THEM;
import static dev.retention.analytics.RfmSegment.CHAMPIONS;
import static dev.retention.analytics.RfmSegment.HIBERNATING;
import static dev.retention.analytics.RfmSegment.LOST;
import static dev.retention.analytics.RfmSegment.LOYAL;
import static dev.retention.analytics.RfmSegment.NEED_ATTENTION;
import static dev.retention.analytics.RfmSegment.NEW;
import static dev.retention.analytics.RfmSegment.POTENTIAL_LOYALISTS;
import static dev.retention.analytics.RfmSegment.PROMISING;

/**
 * The one place where RFM scores become named segments: the common R/FM grid, recency score (1-5) against the
 * combined frequency-monetary score FM = ⌈(F + M) / 2⌉ (1-5).
 *
 * <p>Source: the segment ranges of the {@code rfm} R package ({@code rfm_segment}, A. Hebbali; the same R vs F&amp;M
 * table is used by many marketing tools): Champions R 4-5 / FM 4-5, Loyal R 2-5 / FM 3-5, Potential loyalists
 * R 3-5 / FM 1-3, New R 4-5 / FM 1, Promising R 3-4 / FM 1, Need attention R 2-3 / FM 2-3, About to sleep
 * R 2-3 / FM 1-2, At risk R 1-2 / FM 2-5, Can't lose them R 1 / FM 4-5, Hibernating R 1-2 / FM 1-2, Lost R 1 / FM 1.
 * Those ranges overlap; this grid resolves every overlap in favour of the more specific segment (the narrower range)
 * so that each of the 25 cells has exactly one segment and every segment appears:
 *
 * <pre>
 *  R \ FM   1               2                    3                    4                5
 *  5        New             Potential loyalists  Potential loyalists  Champions        Champions
 *  4        Promising       Potential loyalists  Potential loyalists  Champions        Champions
 *  3        About to sleep  About to sleep       Need attention       Loyal            Loyal
 *  2        Hibernating     Hibernating          At risk              At risk          At risk
 *  1        Lost            Hibernating          At risk              Can't lose them  Can't lose them
 * </pre>
 */
public final class RfmSegmentGrid {

    /** GRID[r - 1][fm - 1]. */
    private static final RfmSegment[][] GRID = {
        {LOST, HIBERNATING, AT_RISK, CANT_LOSE_THEM, CANT_LOSE_THEM},
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, AT_RISK},
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
        {PROMISING, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, CHAMPIONS, CHAMPIONS},
        {NEW, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, CHAMPIONS, CHAMPIONS},
    };

    private RfmSegmentGrid() {
    }

    /** The combined frequency-monetary score, rounded up: ⌈(F + M) / 2⌉. */
    public static int fm(int f, int m) {
        return (check(f, "F") + check(m, "M") + 1) / 2;
    }

    public static RfmSegment segment(int r, int f, int m) {
        return GRID[check(r, "R") - 1][fm(f, m) - 1];
    }

    private static int check(int score, String name) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " score must be 1-5, was " + score);
        }
        return score;
    }
}
