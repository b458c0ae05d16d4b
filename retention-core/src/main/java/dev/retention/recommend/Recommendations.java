package dev.retention.recommend;

import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import dev.retention.recommend.Recommendation.Source;
import dev.retention.recommend.internal.Candidates;
import dev.retention.recommend.internal.CustomerPurchases;
import dev.retention.recommend.internal.CustomerPurchases.Purchase;
import dev.retention.recommend.internal.RecommendationEngine;
import dev.retention.recommend.internal.RecommendationIndex;
import dev.retention.recommend.internal.Scorer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recommendations for shop pages and e-mails. Candidates come from the trained index (similar items, frequently
 * bought together, the customer's recency-weighted history); the catalogue then filters them: in stock, not the
 * product or cart itself, not bought before unless re-purchasable, optional category and price band, one
 * product per variant group, and at most {@code maxCategoryShare} of the answer from one category while other
 * categories have candidates. Popular products (of the anchor's category first) fill what is left.
 */
public class Recommendations {

    /** Candidates scored per requested item, so the filters have enough to choose from. */
    private static final int OVERFETCH = 4;
    private static final int MIN_CANDIDATES = 20;

    private final RecommendationEngine engine;
    private final Scorer scorer = new Scorer();
    private final CatalogPort catalog;
    private final CustomerPurchases purchases;
    private final Clock clock;
    private final Duration recencyHalfLife;
    private final int historySize;
    private final double maxCategoryShare;

    public Recommendations(RecommendationEngine engine, CatalogPort catalog, CustomerPurchases purchases,
            Clock clock, Duration recencyHalfLife, int historySize, double maxCategoryShare) {
        this.engine = engine;
        this.catalog = catalog;
        this.purchases = purchases;
        this.clock = clock;
        this.recencyHalfLife = recencyHalfLife;
        this.historySize = historySize;
        this.maxCategoryShare = maxCategoryShare;
    }

    /** Customers who bought this also bought (then frequently bought together), for a product page or e-mail. */
    public List<Recommendation> relatedTo(String productId, int n) {
        return recommend(RecommendationRequest.of(Placement.PRODUCT, List.of(productId), null, n));
    }

    /** Recommended for you, from the customer's own purchases; popular products when there are none. */
    public List<Recommendation> forCustomer(String customerId, int n) {
        return recommend(RecommendationRequest.of(Placement.ACCOUNT, List.of(), customerId, n));
    }

    /** Frequently bought together with the cart's products. */
    public List<Recommendation> forCart(List<String> productIds, int n) {
        return recommend(RecommendationRequest.of(Placement.CART, productIds, null, n));
    }

    /** Trending products of a category, or of the whole shop when {@code category} is null. */
    public List<Recommendation> popular(String category, int n) {
        return recommend(new RecommendationRequest(Placement.HOME, List.of(), null, category, null, null, n));
    }

    public List<Recommendation> recommend(RecommendationRequest request) {
        RecommendationIndex index = engine.index();
        int max = Math.max(MIN_CANDIDATES, request.limit() * OVERFETCH);
        List<Purchase> history = request.customerId() == null ? List.of()
                : purchases.recent(request.customerId(), historySize);
        Candidates scored;
        Source source;
        switch (request.placement()) {
            case PRODUCT -> {
                scored = anchored(index, request.anchors(), 1f, 0.5f, max);
                source = Source.SIMILAR;
            }
            case CART -> {
                scored = anchored(index, request.anchors(), 0.5f, 1f, max);
                source = Source.BOUGHT_TOGETHER;
            }
            default -> {
                scored = personal(index, history, max);
                source = Source.PERSONAL;
            }
        }
        String category = request.category();
        int categoryNo = category != null ? index.categoryNo(category) : anchorCategory(index, request.anchors());
        Candidates popular = scorer.popular(index, categoryNo, max);
        Candidates everywhere = categoryNo >= 0 && category == null ? scorer.popular(index, -1, max) : null;

        Set<String> ids = new LinkedHashSet<>(request.anchors());
        history.forEach(p -> ids.add(p.productId()));
        collect(index, scored, ids);
        collect(index, popular, ids);
        if (everywhere != null) {
            collect(index, everywhere, ids);
        }
        Map<String, CatalogProduct> products = catalog.products(ids);

        Set<String> bought = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (Purchase purchase : history) {
            bought.add(purchase.productId());
            CatalogProduct product = products.get(purchase.productId());
            // a variant of something bought counts as bought (the other size of the same shirt)
            if (product != null && !product.repurchasable()) {
                groups.add(product.variantGroup());
            }
        }
        for (String anchor : request.anchors()) {
            CatalogProduct product = products.get(anchor);
            groups.add(product != null ? product.variantGroup() : anchor);
        }
        Selection selection = new Selection(request, products, bought, groups,
                Math.max(1, (int) Math.ceil(request.limit() * maxCategoryShare)));
        offer(selection, index, scored, source);
        offer(selection, index, popular, Source.POPULAR);
        if (everywhere != null) {
            offer(selection, index, everywhere, Source.POPULAR);
        }
        return selection.finish();
    }

    private Candidates anchored(RecommendationIndex index, List<String> anchors, float simWeight, float fbtWeight,
            int max) {
        int[] items = new int[anchors.size()];
        float[] weights = new float[anchors.size()];
        for (int a = 0; a < items.length; a++) {
            items[a] = index.itemNo(anchors.get(a));
            weights[a] = 1f;
        }
        return scorer.score(index, items, weights, items.length, simWeight, fbtWeight, true, max);
    }

    /** Weight of a purchase is {@code 2^(-age / recencyHalfLife)}: a purchase a half-life ago counts half. */
    private Candidates personal(RecommendationIndex index, List<Purchase> history, int max) {
        int[] items = new int[history.size()];
        float[] weights = new float[history.size()];
        long now = clock.instant().getEpochSecond();
        double halfLife = recencyHalfLife.getSeconds();
        for (int h = 0; h < items.length; h++) {
            Purchase purchase = history.get(h);
            items[h] = index.itemNo(purchase.productId());
            double age = Math.max(0, now - purchase.lastBought().getEpochSecond());
            weights[h] = (float) Math.pow(2, -age / halfLife);
        }
        // own purchases stay candidates: the catalogue decides whether they are re-purchasable
        return scorer.score(index, items, weights, items.length, 1f, 0f, false, max);
    }

    private static int anchorCategory(RecommendationIndex index, List<String> anchors) {
        for (String anchor : anchors) {
            int item = index.itemNo(anchor);
            String category = item >= 0 ? index.category(item) : null;
            if (category != null) {
                return index.categoryNo(category);
            }
        }
        return -1;
    }

    private static void collect(RecommendationIndex index, Candidates candidates, Set<String> ids) {
        for (int r = 0; r < candidates.size(); r++) {
            ids.add(index.productId(candidates.items[r]));
            if (candidates.because[r] >= 0) {
                ids.add(index.productId(candidates.because[r]));
            }
        }
    }

    private static void offer(Selection selection, RecommendationIndex index, Candidates candidates,
            Source source) {
        for (int r = 0; r < candidates.size() && !selection.full(); r++) {
            String because = candidates.because[r] >= 0 ? index.productId(candidates.because[r]) : null;
            Source actual = source == Source.POPULAR ? Source.POPULAR
                    : source == Source.PERSONAL ? Source.PERSONAL
                    : candidates.together[r] ? Source.BOUGHT_TOGETHER : Source.SIMILAR;
            selection.offer(index.productId(candidates.items[r]), candidates.scores[r], because, actual);
        }
    }

    /** The filters and the diversity cap, applied in candidate order. */
    private static final class Selection {
        private final RecommendationRequest request;
        private final Map<String, CatalogProduct> products;
        private final Set<String> bought;
        private final Set<String> groups;
        private final int maxPerCategory;
        private final List<Recommendation> chosen = new ArrayList<>();
        private final List<Recommendation> overflow = new ArrayList<>();
        private final Map<String, Integer> perCategory = new HashMap<>();

        Selection(RecommendationRequest request, Map<String, CatalogProduct> products, Set<String> bought,
                Set<String> groups, int maxPerCategory) {
            this.request = request;
            this.products = products;
            this.bought = bought;
            this.groups = groups;
            this.maxPerCategory = maxPerCategory;
        }

        boolean full() {
            return chosen.size() >= request.limit();
        }

        void offer(String productId, double score, String because, Source source) {
            CatalogProduct product = products.get(productId);
            if (product == null || !product.inStock() || request.anchors().contains(productId)
                    || (bought.contains(productId) && !product.repurchasable())
                    || (request.category() != null && !request.category().equals(product.category()))
                    || (request.minPrice() != null && product.price().compareTo(request.minPrice()) < 0)
                    || (request.maxPrice() != null && product.price().compareTo(request.maxPrice()) > 0)
                    || !groups.add(product.variantGroup())) {
                return;
            }
            Recommendation recommendation = new Recommendation(product, score, reason(source, because, product),
                    source);
            String category = product.category() == null ? "" : product.category();
            int count = perCategory.getOrDefault(category, 0);
            if (count >= maxPerCategory) {
                overflow.add(recommendation);
                return;
            }
            perCategory.put(category, count + 1);
            chosen.add(recommendation);
        }

        private String reason(Source source, String because, CatalogProduct product) {
            CatalogProduct anchor = because == null ? null : products.get(because);
            String name = anchor != null ? anchor.name() : because;
            return switch (source) {
                case SIMILAR -> "Customers who bought " + name + " also bought this";
                case BOUGHT_TOGETHER -> "Frequently bought together with " + name;
                case PERSONAL -> "Because you bought " + name;
                case POPULAR -> product.category() != null ? "Popular in " + product.category() : "Trending now";
            };
        }

        List<Recommendation> finish() {
            for (int o = 0; o < overflow.size() && !full(); o++) {
                chosen.add(overflow.get(o));
            }
            return List.copyOf(chosen);
        }
    }
}
