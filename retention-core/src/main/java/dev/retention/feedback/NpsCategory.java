package dev.retention.feedback;

/** Net Promoter categories: 9-10 promoters, 7-8 passives, 0-6 detractors. */
public enum NpsCategory {
    PROMOTER, PASSIVE, DETRACTOR;

    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("score: must be between 0 and 10, was " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
