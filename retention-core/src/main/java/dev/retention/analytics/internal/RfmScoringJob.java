package dev.retention.analytics.internal;

import dev.retention.analytics.RfmScores;
import dev.retention.ingest.RetentionJob;
import java.time.Duration;

/** Recomputes the RFM scores of all customers and keeps the run in the history. */
public class RfmScoringJob implements RetentionJob {

    private final RfmScores scores;
    private final Duration interval;

    public RfmScoringJob(RfmScores scores, Duration interval) {
        this.scores = scores;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "analytics.rfm";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public long run(JobProgress progress) {
        return scores.score(progress).customers();
    }
}
