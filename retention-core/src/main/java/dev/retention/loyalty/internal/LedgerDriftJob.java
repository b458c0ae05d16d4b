package dev.retention.loyalty.internal;

import dev.retention.ingest.RetentionJob;
import dev.retention.loyalty.DriftReport;
import dev.retention.loyalty.Loyalty;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recomputes every account from its ledger and lots; the result feeds the {@code retention.loyalty.drift} gauge. */
public class LedgerDriftJob implements RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(LedgerDriftJob.class);

    private final Loyalty loyalty;
    private final Duration interval;

    public LedgerDriftJob(Loyalty loyalty, Duration interval) {
        this.loyalty = loyalty;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "loyalty-drift";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public long run(JobProgress progress) {
        DriftReport report = loyalty.verify(null);
        for (DriftReport.Drift drift : report.drifting()) {
            log.error("loyalty.drift customer={} cached={} ledger={} lotsMinusDebt={}", drift.customerId(),
                    drift.cachedBalance(), drift.ledgerBalance(), drift.lotsMinusDebt());
        }
        progress.update(report.accounts(), report.accounts());
        return report.accounts();
    }
}
