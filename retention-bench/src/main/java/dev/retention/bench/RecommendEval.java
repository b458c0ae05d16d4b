package dev.retention.bench;

import dev.retention.recommend.Similarity;
import dev.retention.recommend.internal.OfflineEvaluation;
import dev.retention.recommend.internal.OfflineEvaluation.Line;
import dev.retention.recommend.internal.OfflineEvaluation.Metrics;
import dev.retention.recommend.internal.TrainingSettings;
import dev.retention.support.UtcTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code recommend-eval}: the offline evaluation table (popularity baseline, item-item cosine, item-item
 * log-likelihood) on a time-based split. Reads the order history of a Retention Kit database with
 * {@code --jdbc=<url> [--user=<u>] [--password=<p>]}, otherwise generates one ({@code --lines}, {@code --customers},
 * {@code --products}, {@code --seed}). {@code --k} (10) and {@code --train-share} (0.8) set the cut-off and split.
 */
final class RecommendEval {

    private RecommendEval() {
    }

    static void run(String[] args) throws SQLException {
        Map<String, String> options = options(args, "k", "train-share", "jdbc", "user", "password", "lines",
                "customers", "products", "seed");
        int k = Integer.parseInt(options.getOrDefault("k", "10"));
        double trainShare = Double.parseDouble(options.getOrDefault("train-share", "0.8"));
        List<Line> lines;
        String source;
        if (options.containsKey("jdbc")) {
            lines = read(options.get("jdbc"), options.getOrDefault("user", ""), options.getOrDefault("password", ""));
            source = options.get("jdbc");
        } else {
            int lineCount = Integer.parseInt(options.getOrDefault("lines", "200000"));
            int customers = Integer.parseInt(options.getOrDefault("customers", String.valueOf(lineCount / 10)));
            int products = Integer.parseInt(options.getOrDefault("products", String.valueOf(Math.max(100,
                    lineCount / 100))));
            lines = RecommendData.generate(customers, products, lineCount,
                    Long.parseLong(options.getOrDefault("seed", "42"))).lines;
            source = "generated lines=" + lineCount + " customers=" + customers + " products=" + products;
        }
        if (lines.isEmpty()) {
            System.out.println("no order lines in " + source);
            return;
        }
        OfflineEvaluation.Split split = OfflineEvaluation.split(lines, trainShare);
        List<Metrics> rows = OfflineEvaluation.evaluate(split, k, TrainingSettings.defaults(Similarity.LOG_LIKELIHOOD),
                Duration.ofDays(90), 50);
        System.out.printf(Locale.ROOT, "source: %s%nlines: %d, split at %s (%.0f %% train), test customers: %d%n%n",
                source, lines.size(), split.splitAt, trainShare * 100, split.relevant.size());
        System.out.print(OfflineEvaluation.table(rows));
        for (Metrics m : rows) {
            String name = "recommend.eval." + m.algorithm().replace("item-item ", "").replace(' ', '-');
            result(name + ".precision_at_" + k, m.precision());
            result(name + ".recall_at_" + k, m.recall());
            result(name + ".ndcg_at_" + k, m.ndcg());
            result(name + ".hit_rate_at_" + k, m.hitRate());
            result(name + ".coverage", m.coverage());
        }
    }

    private static void result(String name, double value) {
        Results.print(name, value, "ratio");
    }

    static List<Line> read(String url, String user, String password) throws SQLException {
        List<Line> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = connection.prepareStatement("SELECT o.customer_id, o.order_id,"
                        + " l.product_id, l.category, o.placed_at FROM rtn_order o"
                        + " JOIN rtn_order_line l ON l.order_id = o.order_id WHERE o.status <> 'CANCELLED'");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                lines.add(new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        UtcTime.read(rs, "placed_at")));
            }
        }
        return lines;
    }

    /** The given {@code --name=value} options that are present. */
    static Map<String, String> options(String[] args, String... names) {
        Map<String, String> options = new HashMap<>();
        for (String name : names) {
            String value = Results.option(args, name, null);
            if (value != null) {
                options.put(name, value);
            }
        }
        return options;
    }
}
