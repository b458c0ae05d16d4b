package dev.retention.recommend;

/** How item-item similarity is measured over customers' histories ({@code retention.recommend.similarity}). */
public enum Similarity {

    /** Cosine of the two items' weighted customer vectors: {@code sum(w_ui * w_uj) / (|i| * |j|)}. */
    COSINE,

    /**
     * Dunning's log-likelihood ratio of the 2x2 co-occurrence table, squashed to {@code 1 - 1 / (1 + llr)}; only
     * positive associations (co-occurring more often than chance) count.
     */
    LOG_LIKELIHOOD
}
