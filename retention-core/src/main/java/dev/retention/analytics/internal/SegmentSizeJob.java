package dev.retention.analytics.internal;

import dev.retention.analytics.Segments;
import dev.retention.ingest.RetentionJob;
import java.time.Duration;

/** Stores the size of every saved segment once a day, so sizes over time can be charted. */
public class SegmentSizeJob implements RetentionJob {

    private final Segments segments;
    private final Duration interval;

    public SegmentSizeJob(Segments segments, Duration interval) {
        this.segments = segments;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "analytics.segment-sizes";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public long run(JobProgress progress) {
        return segments.snapshotSizes();
    }
}
