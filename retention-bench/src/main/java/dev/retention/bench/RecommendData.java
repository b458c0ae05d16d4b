package dev.retention.bench;

import dev.retention.recommend.internal.OfflineEvaluation.Line;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated order history with a known structure, deterministic for a seed:
 * <ul>
 * <li>products sit in categories of 100; popularity is Zipf-skewed (weight {@code 1 / rank}, ranks shuffled) both
 * across the shop and within each category;</li>
 * <li>each customer has one or two favourite categories: 75 % of picks come from them, the rest from the whole
 * shop;</li>
 * <li>planted affinity: products come in bundle pairs within a category; after a pick, its partner joins the same
 * order with probability 0.4;</li>
 * <li>customer activity is log-normal; orders are spread uniformly over a year; an order has 1-4 picks.</li>
 * </ul>
 */
final class RecommendData {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int PER_CATEGORY = 100;

    final String[] products;
    final String[] productCategory;
    final List<Line> lines;
    final int customers;

    private RecommendData(String[] products, String[] productCategory, List<Line> lines, int customers) {
        this.products = products;
        this.productCategory = productCategory;
        this.lines = lines;
        this.customers = customers;
    }

    static RecommendData generate(int customers, int productCount, int lineCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int categories = Math.max(1, productCount / PER_CATEGORY);
        String[] products = new String[productCount];
        String[] productCategory = new String[productCount];
        String[] categoryNames = new String[categories];
        for (int c = 0; c < categories; c++) {
            categoryNames[c] = "cat-" + c;
        }
        for (int p = 0; p < productCount; p++) {
            products[p] = "p" + p;
            productCategory[p] = categoryNames[Math.min(categories - 1, p / PER_CATEGORY)];
        }
        double[] weight = new double[productCount];
        int[] rank = shuffled(productCount, random);
        for (int p = 0; p < productCount; p++) {
            weight[p] = 1.0 / (rank[p] + 1);
        }
        double[] globalCdf = cdf(weight, 0, productCount);
        double[][] categoryCdf = new double[categories][];
        for (int c = 0; c < categories; c++) {
            int from = c * PER_CATEGORY;
            int to = c == categories - 1 ? productCount : from + PER_CATEGORY;
            categoryCdf[c] = cdf(weight, from, to);
        }
        double[] activity = new double[customers];
        double activitySum = 0;
        for (int c = 0; c < customers; c++) {
            activity[c] = Math.exp(random.nextGaussian() * 0.8);
            activitySum += activity[c];
        }
        String[] customerIds = new String[customers];
        int[][] favourites = new int[customers][];
        for (int c = 0; c < customers; c++) {
            customerIds[c] = "c" + c;
            favourites[c] = random.nextInt(3) == 0
                    ? new int[] {random.nextInt(categories), random.nextInt(categories)}
                    : new int[] {random.nextInt(categories)};
        }
        double picksPerOrder = 2.5 * 1.4; // 1-4 picks (mean 2.5), 40 % get a bundle partner
        long year = Duration.ofDays(365).getSeconds();
        List<Line> lines = new ArrayList<>(lineCount + 8);
        int orderNo = 0;
        outer:
        while (true) {
            for (int c = 0; c < customers; c++) {
                double expectedOrders = activity[c] / activitySum * lineCount / picksPerOrder;
                int orders = (int) expectedOrders + (random.nextDouble() < expectedOrders % 1 ? 1 : 0);
                for (int o = 0; o < Math.max(orders, lines.isEmpty() ? 1 : 0); o++) {
                    String orderId = "o" + orderNo++;
                    Instant at = START.plusSeconds(random.nextLong(year));
                    int picks = 1 + random.nextInt(4);
                    for (int k = 0; k < picks; k++) {
                        int product = random.nextDouble() < 0.75
                                ? sample(categoryCdf[favourites[c][random.nextInt(favourites[c].length)]], random)
                                : sample(globalCdf, random);
                        lines.add(new Line(customerIds[c], orderId, products[product], productCategory[product], at));
                        if (random.nextDouble() < 0.4) {
                            int partner = product ^ 1;
                            if (partner < productCount) {
                                lines.add(new Line(customerIds[c], orderId, products[partner],
                                        productCategory[partner], at));
                            }
                        }
                        if (lines.size() >= lineCount) {
                            break outer;
                        }
                    }
                }
            }
        }
        return new RecommendData(products, productCategory, lines, customers);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    /** Cumulative weights of products {@code from..to-1}; element 0 holds {@code from} as a double. */
    private static double[] cdf(double[] weight, int from, int to) {
        double[] cdf = new double[to - from + 1];
        cdf[0] = from;
        double sum = 0;
        for (int p = from; p < to; p++) {
            sum += weight[p];
            cdf[p - from + 1] = sum;
        }
        return cdf;
    }

    private static int sample(double[] cdf, SplittableRandom random) {
        double x = random.nextDouble() * cdf[cdf.length - 1];
        int at = Arrays.binarySearch(cdf, 1, cdf.length, x);
        int index = at >= 0 ? at : -at - 1;
        return (int) cdf[0] + Math.min(cdf.length - 2, index - 1);
    }
}
