package dev.retention.analytics.internal;

import dev.retention.analytics.CustomerPredictions;
import dev.retention.ingest.RetentionJob;
import java.time.Duration;

/** Refits BG/NBD and Gamma-Gamma and stores every customer's churn risk and predictive CLV. */
public class PredictionJob implements RetentionJob {

    private final CustomerPredictions predictions;
    private final Duration interval;

    public PredictionJob(CustomerPredictions predictions, Duration interval) {
        this.predictions = predictions;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "analytics.predictions";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public long run(JobProgress progress) {
        return predictions.predict(progress).map(CustomerPredictions.Fit::customers).orElse(0);
    }
}
