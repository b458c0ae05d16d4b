package dev.retention.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Prints figures in the one format every benchmark uses, and small statistics helpers. */
public final class Results {

    private Results() {
    }

    public static void print(String name, double value, String unit) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(value >= 100 ? 0 : 3, RoundingMode.HALF_UP);
        System.out.println("RESULT name=" + name + " value=" + rounded.toPlainString() + " unit=" + unit);
    }

    /** The p-th percentile (0-100) of the samples, nearest-rank. */
    public static double percentile(long[] samples, double p) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Reads {@code --name=value} from the arguments, or the default. */
    public static String option(String[] args, String name, String defaultValue) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return defaultValue;
    }
}
