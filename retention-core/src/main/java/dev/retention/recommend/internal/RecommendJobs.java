package dev.retention.recommend.internal;

import dev.retention.ingest.RetentionJob;
import java.time.Duration;

/** The two jobs that keep the index fresh: a full training run and the frequent fold-in of new orders. */
public final class RecommendJobs {

    private RecommendJobs() {
    }

    /** Full training: {@code POST /admin/retention/api/jobs/recommend-train/run} starts it on demand. */
    public static RetentionJob training(RecommendationEngine engine, Duration interval) {
        return new RetentionJob() {
            @Override
            public String name() {
                return "recommend-train";
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public long run(JobProgress progress) {
                return engine.train();
            }
        };
    }

    /** Folds orders placed since the last run into the index. */
    public static RetentionJob foldIn(RecommendationEngine engine, Duration interval) {
        return new RetentionJob() {
            @Override
            public String name() {
                return "recommend-fold-in";
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public long run(JobProgress progress) {
                return engine.foldIn();
            }
        };
    }
}
