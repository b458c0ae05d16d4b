package dev.retention.analytics;

/** The named RFM segments of DESIGN.md §5; {@link RfmSegmentGrid} says which R and FM scores fall in each. */
public enum RfmSegment {
    CHAMPIONS("Champions"),
    LOYAL("Loyal"),
    POTENTIAL_LOYALISTS("Potential loyalists"),
    NEW("New"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need attention"),
    ABOUT_TO_SLEEP("About to sleep"),
    AT_RISK("At risk"),
    CANT_LOSE_THEM("Can't lose them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    private final String label;

    RfmSegment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
