package dev.retention.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Reads the CDNOW sample from the shared data directory (never copied into the repository). */
final class Cdnow {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

    private Cdnow() {
    }

    static Path dir() {
        String shared = System.getProperty("retention.shared.dir", "../../shared");
        return Path.of(shared, "data", "cdnow");
    }

    /** The 1/10 sample: {@code master_id sample_id yyyymmdd cds dollars}; the sample id identifies the customer. */
    static List<Purchase> samplePurchases() {
        try {
            List<Purchase> purchases = new ArrayList<>();
            for (String line : Files.readAllLines(dir().resolve("CDNOW_sample.txt"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                purchases.add(new Purchase(f[1], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
                        Double.parseDouble(f[4])));
            }
            return purchases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CustomerSummary> calibrationSummaries() {
        return CustomerSummary.builder(ModelTimeUnit.WEEKS, CALIBRATION_END).addAll(samplePurchases()).build();
    }
}
