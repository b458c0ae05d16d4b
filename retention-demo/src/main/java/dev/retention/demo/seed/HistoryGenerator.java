package dev.retention.demo.seed;

import dev.retention.demo.cart.CartLineView;
import dev.retention.demo.cart.CartView;
import dev.retention.demo.catalog.CatalogData;
import dev.retention.demo.catalog.Category;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.checkout.CheckoutService;
import dev.retention.demo.checkout.Discount;
import dev.retention.demo.checkout.Pricing;
import dev.retention.demo.checkout.Quote;
import dev.retention.demo.customer.Customer;
import dev.retention.demo.customer.Customers;
import dev.retention.demo.order.OrderState;
import dev.retention.demo.order.ShopOrder;
import dev.retention.demo.order.ShopOrderLine;
import dev.retention.demo.web.ShopEvents;
import dev.retention.host.RefundLine;
import dev.retention.host.RetentionEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates two years of shop history ending at {@code anchor}, deterministically from a seed.
 *
 * <p>Each customer buys at their own rate and, after each purchase, stops for good with their own probability (the
 * BG/NBD story: rate ~ Gamma, drop-out ~ Beta). Baskets start from the customer's favourite categories, pull in
 * companion products (so co-purchase has signal) and repeat consumables at their replenishment interval. Sessions
 * carry product views and a cart; some carts are abandoned; some shoppers never sign in. A few orders are cancelled
 * or refunded (half of them in part); delivered orders get reviews; some customers came through a referral code,
 * change their consent or profile, or erase their account.
 */
public final class HistoryGenerator {

    static final String SHARED_PASSWORD_NOTE = "every seeded shopper's password is 'demo'";
    static final int DAYS = 730;

    private static final String[][] FIRST_NAMES = {
        {"Alice", "Oliver", "Emma", "Jack", "Sophie", "Harry", "Chloe", "George", "Grace", "Noah", "Mia", "Liam"},
        {"Ana", "João", "Beatriz", "Lucas", "Mariana", "Gabriel", "Júlia", "Pedro", "Larissa", "Rafael"},
        {"Ioana", "Andrei", "Elena", "Mihai", "Maria", "Alexandru", "Cristina", "Ștefan", "Daria", "Vlad"},
        {"Anna", "Jakub", "Zofia", "Kacper", "Maja", "Szymon", "Łucja", "Antoni", "Zuzanna", "Wojciech"}};
    private static final String[][] LAST_NAMES = {
        {"Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Green", "Hall"},
        {"Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira", "Rocha"},
        {"Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe", "Munteanu", "Ciobanu"},
        {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański"}};
    private static final String[] LOCALES = {"en", "pt-BR", "ro", "pl"};
    private static final String[][] ZONES = {
        {"Europe/London", "Europe/London", "America/New_York", "America/Los_Angeles", "Europe/London"},
        {"America/Sao_Paulo"}, {"Europe/Bucharest"}, {"Europe/Warsaw"}};
    private static final String[] CHANNELS = {"organic", "organic", "organic", "search", "search", "social", "email",
        "paid", "paid"};
    private static final Map<String, String> COMPANION_CATEGORY = Map.of("coffee-tea", "kitchen", "pantry", "kitchen",
            "kitchen", "coffee-tea", "books", "coffee-tea", "outdoor", "apparel", "apparel", "outdoor", "toys-games",
            "books", "electronics", "electronics", "pet-supplies", "pet-supplies", "personal-care", "personal-care");
    private static final String[] REVIEW_TITLES = {"", "Disappointing", "Not great", "It's fine", "Very good",
        "Excellent!"};
    private static final String[] REVIEW_BODIES = {"", "Not what I expected; I would not buy it again.",
        "Does the job but the quality could be better.", "Decent for the price.",
        "Good quality and arrived quickly. Would recommend.", "Love it, already ordered another one for a friend."};

    private final Random random;
    private final int customerCount;
    private final Instant anchor;
    private final Instant start;
    private final String passwordHash;
    private final List<Category> categories;
    private final List<Product> products;
    private final Map<String, List<Product>> byCategory = new LinkedHashMap<>();
    private final Map<Long, List<Product>> companions = new HashMap<>();

    // Drafts collected per customer; ids are given in time order afterwards.
    private final List<CustomerDraft> customerDrafts = new ArrayList<>();
    private final List<SessionDraft> sessions = new ArrayList<>();

    public HistoryGenerator(long seed, int customers, Instant anchor, String passwordHash) {
        this.random = new Random(seed);
        this.customerCount = customers;
        this.anchor = anchor;
        this.start = anchor.minus(DAYS, ChronoUnit.DAYS);
        this.passwordHash = passwordHash;
        this.categories = CatalogData.categories();
        this.products = CatalogData.products(start, anchor);
        for (Product p : products) {
            byCategory.computeIfAbsent(p.categoryId(), k -> new ArrayList<>()).add(p);
        }
        Random pairing = new Random(seed ^ 0x5DEECE66DL);
        for (Product p : products) {
            List<Product> pool = byCategory.get(COMPANION_CATEGORY.get(p.categoryId()));
            List<Product> chosen = new ArrayList<>();
            while (chosen.size() < 3) {
                Product candidate = pool.get(pairing.nextInt(pool.size()));
                if (candidate.id() != p.id() && !chosen.contains(candidate)) {
                    chosen.add(candidate);
                }
            }
            companions.put(p.id(), chosen);
        }
    }

    public List<Product> products() {
        return products;
    }

    private static final class CustomerDraft {
        Customer registered;
        Instant updatedAt;
        String newZone;
        Instant consentAt;
        Instant erasedAt;
        Instant lastActivity;
    }

    private static final class SessionDraft {
        CustomerDraft customer;
        Instant at;
        final List<Product> viewed = new ArrayList<>();
        final Map<Product, Integer> cart = new LinkedHashMap<>();
        boolean ordered;
        boolean coupon;
        Instant cancelAt;
        Instant deliverAt;
        Instant refundAt;
        boolean partialRefund;
        Instant reviewAt;
        long cartId;
        String sessionId;
    }

    public SeedHistory generate() {
        for (int i = 0; i < customerCount; i++) {
            generateCustomer(i + 1L);
        }
        int guestSessions = customerCount / 3;
        for (int i = 0; i < guestSessions; i++) {
            SessionDraft s = new SessionDraft();
            s.at = start.plusSeconds((long) (random.nextDouble() * DAYS * 86400));
            Product first = pickProduct(null, s.at);
            browse(s, first, 1 + random.nextInt(2));
            if (random.nextInt(5) == 0) {
                s.cart.put(first, 1);
            }
            sessions.add(s);
        }
        return assemble();
    }

    private void generateCustomer(long id) {
        boolean alice = id == 1;
        int localeIndex = pickLocale();
        String first = alice ? "Alice" : pick(FIRST_NAMES[localeIndex]);
        String last = alice ? "Martin" : pick(LAST_NAMES[localeIndex]);
        String email = alice ? "alice@example.com" : ascii(first + "." + last).toLowerCase() + id + "@example.com";
        String zone = alice ? "Europe/London" : pick(ZONES[localeIndex]);
        double u = random.nextDouble();
        Instant registered = alice ? start.plus(3, ChronoUnit.DAYS).plusSeconds(36_000)
                : start.plusSeconds((long) (Math.pow(u, 0.85) * (DAYS - 2) * 86400));
        LocalDate birthday = random.nextInt(10) < 7 ? LocalDate.of(1955 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28)) : null;
        boolean consent = alice || random.nextInt(100) < 62;
        String referredBy = null;
        String channel = pick(CHANNELS);
        if (!alice && id > 20 && random.nextInt(100) < 12) {
            referredBy = Customers.referralCode(1 + random.nextInt((int) id - 1));
            channel = "referral";
        }
        Customer customer = new Customer(id, email, passwordHash, first + " " + last, LOCALES[localeIndex], zone,
                birthday, consent, 0, channel, Customers.referralCode(id), referredBy, 0, false, registered);
        CustomerDraft draft = new CustomerDraft();
        draft.registered = customer;
        draft.lastActivity = registered;
        customerDrafts.add(draft);

        // BG/NBD: purchase rate per day ~ Gamma(shape 1.8, mean 1/19 days); drop-out after each purchase ~ Beta(1, 14).
        double rate = alice ? 1.0 / 11 : gamma(1.8) / 1.8 / 19.0;
        double dropOut = alice ? 0 : beta(1.0, 14.0);
        List<String> favourites = favouriteCategories(alice);
        Map<Product, Instant> dueConsumables = new LinkedHashMap<>();
        Instant t = random.nextInt(100) < 80 ? registered.plusSeconds(120 + random.nextInt(1800))
                : registered.plusSeconds((long) (exponential(rate) * 86400));
        while (t.isBefore(anchor)) {
            SessionDraft s = session(draft, t, favourites, dueConsumables);
            sessions.add(s);
            draft.lastActivity = t;
            if (random.nextDouble() < dropOut) {
                break;
            }
            // Between purchases: now and then a session that ends with an abandoned cart.
            double gapDays = exponential(rate);
            if (random.nextInt(100) < 22) {
                Instant browseAt = t.plusSeconds((long) (gapDays * random.nextDouble() * 86400));
                if (browseAt.isBefore(anchor)) {
                    SessionDraft abandoned = new SessionDraft();
                    abandoned.customer = draft;
                    abandoned.at = browseAt;
                    Product p = pickProduct(favourites, browseAt);
                    browse(abandoned, p, 1 + random.nextInt(2));
                    abandoned.cart.put(p, 1);
                    sessions.add(abandoned);
                    draft.lastActivity = browseAt.isAfter(draft.lastActivity) ? browseAt : draft.lastActivity;
                }
            }
            t = t.plusSeconds(Math.max(3600, (long) (gapDays * 86400)));
        }
        if (!alice && random.nextInt(100) < 6) {
            draft.updatedAt = between(registered, anchor);
            draft.newZone = "UTC".equals(zone) ? "Europe/London" : "UTC";
        }
        if (!alice && random.nextInt(100) < 9) {
            draft.consentAt = between(registered, anchor);
        }
        if (!alice && random.nextInt(1000) < 4) {
            Instant after = draft.lastActivity.plus(10, ChronoUnit.DAYS);
            if (after.isBefore(anchor)) {
                draft.erasedAt = between(after, anchor);
            }
        }
    }

    private SessionDraft session(CustomerDraft customer, Instant orderAt, List<String> favourites,
            Map<Product, Instant> dueConsumables) {
        SessionDraft s = new SessionDraft();
        s.customer = customer;
        s.at = orderAt.minusSeconds(300 + random.nextInt(1500));
        s.ordered = true;
        for (Map.Entry<Product, Instant> due : new ArrayList<>(dueConsumables.entrySet())) {
            if (!due.getValue().isAfter(orderAt.plus(5, ChronoUnit.DAYS)) && random.nextInt(10) < 8) {
                s.cart.put(due.getKey(), 1 + random.nextInt(2));
            }
        }
        int wanted = Math.max(s.cart.isEmpty() ? 1 : 0, Math.min(5, poisson(1.1) + (s.cart.isEmpty() ? 1 : 0)));
        for (int i = 0; i < wanted; i++) {
            Product anchorProduct = pickProduct(favourites, orderAt);
            s.cart.merge(anchorProduct, 1, Integer::sum);
            if (random.nextInt(100) < 35) {
                s.viewed.add(anchorProduct);
            }
            for (Product companion : companions.get(anchorProduct.id())) {
                if (random.nextInt(100) < 28 && companion.publishedAt().isBefore(orderAt)) {
                    s.cart.putIfAbsent(companion, 1);
                    if (random.nextInt(8) == 0) {
                        s.viewed.add(companion);
                    }
                }
            }
        }
        if (random.nextInt(6) == 0) {
            Product browsed = pickProduct(favourites, orderAt);
            if (!s.viewed.contains(browsed)) {
                s.viewed.add(browsed);
            }
        }
        for (Map.Entry<Product, Integer> line : s.cart.entrySet()) {
            Product p = line.getKey();
            if (p.repurchasable()) {
                if (line.getValue() == 1 && random.nextInt(4) == 0) {
                    line.setValue(2);
                }
                double interval = p.replenishmentDays() * line.getValue() * (0.8 + 0.5 * random.nextDouble());
                dueConsumables.put(p, orderAt.plusSeconds((long) (interval * 86400)));
            }
        }
        s.coupon = random.nextInt(100) < 6;
        int fate = random.nextInt(1000);
        Instant deliver = orderAt.plusSeconds(86400L * (2 + random.nextInt(4)) + random.nextInt(36000));
        if (fate < 20) {
            Instant cancel = orderAt.plusSeconds(600 + random.nextInt(20_000));
            s.cancelAt = cancel.isBefore(anchor) ? cancel : null;
        } else if (deliver.isBefore(anchor)) {
            s.deliverAt = deliver;
            if (fate < 50) {
                Instant refund = deliver.plusSeconds(86400L * (1 + random.nextInt(20)));
                if (refund.isBefore(anchor)) {
                    s.refundAt = refund;
                    s.partialRefund = random.nextBoolean();
                }
            }
            if (random.nextInt(100) < 11) {
                Instant review = deliver.plusSeconds(86400L * (1 + random.nextInt(14)));
                s.reviewAt = review.isBefore(anchor) ? review : null;
            }
        }
        return s;
    }

    private void browse(SessionDraft s, Product first, int views) {
        s.viewed.add(first);
        List<Product> related = companions.get(first.id());
        for (int i = 1; i < views; i++) {
            Product p = random.nextBoolean() ? related.get(random.nextInt(related.size()))
                    : byCategory.get(first.categoryId()).get(random.nextInt(PRODUCTS_PER_CATEGORY()));
            if (p.publishedAt().isBefore(s.at)) {
                s.viewed.add(p);
            }
        }
    }

    private static int PRODUCTS_PER_CATEGORY() {
        return CatalogData.PRODUCTS_PER_CATEGORY;
    }

    /** Assigns ids in time order and turns the drafts into rows and events. */
    private SeedHistory assemble() {
        List<Customer> customers = new ArrayList<>();
        List<RetentionEvent> events = new ArrayList<>();
        for (Product p : products) {
            events.add(ShopEvents.published(p));
        }
        for (CustomerDraft d : customerDrafts) {
            Customer c = d.registered;
            events.add(ShopEvents.registered(c));
            if (d.updatedAt != null && (d.erasedAt == null || d.updatedAt.isBefore(d.erasedAt))) {
                c = new Customer(c.id(), c.email(), c.passwordHash(), c.displayName(), c.locale(), d.newZone,
                        c.birthday(), c.marketingConsent(), c.consentVersion(), c.acquisitionChannel(),
                        c.referralCode(), c.referredByCode(), c.profileVersion() + 1, false, c.registeredAt());
                events.add(ShopEvents.updated(c, d.updatedAt));
            }
            if (d.consentAt != null && (d.erasedAt == null || d.consentAt.isBefore(d.erasedAt))) {
                c = new Customer(c.id(), c.email(), c.passwordHash(), c.displayName(), c.locale(), c.timeZone(),
                        c.birthday(), !c.marketingConsent(), c.consentVersion() + 1, c.acquisitionChannel(),
                        c.referralCode(), c.referredByCode(), c.profileVersion(), false, c.registeredAt());
                events.add(ShopEvents.consentChanged(c, d.consentAt));
            }
            if (d.erasedAt != null) {
                events.add(ShopEvents.erased(c.id(), d.erasedAt));
                c = new Customer(c.id(), "erased-" + c.id() + "@invalid", "!", "Erased customer", c.locale(),
                        c.timeZone(), null, false, c.consentVersion(), c.acquisitionChannel(), c.referralCode(),
                        c.referredByCode(), c.profileVersion(), true, c.registeredAt());
            }
            customers.add(c);
        }

        sessions.sort(Comparator.comparing((SessionDraft s) -> s.at));
        List<SeedHistory.Cart> carts = new ArrayList<>();
        List<SeedHistory.View> views = new ArrayList<>();
        long cartId = 1;
        long viewId = 1;
        long sessionNo = 1;
        for (SessionDraft s : sessions) {
            s.sessionId = "seed-s" + sessionNo++;
            Long customerId = s.customer == null ? null : s.customer.registered.id();
            Instant viewAt = s.at;
            for (Product p : s.viewed) {
                views.add(new SeedHistory.View(viewId, s.sessionId, customerId, p.id(), viewAt));
                events.add(ShopEvents.viewed(viewId, viewAt, customerId, s.sessionId, p.id()));
                viewId++;
                viewAt = viewAt.plusSeconds(20 + random.nextInt(100));
            }
            if (!s.cart.isEmpty()) {
                s.cartId = cartId++;
                List<CartLineView> lines = new ArrayList<>();
                List<long[]> rows = new ArrayList<>();
                for (Map.Entry<Product, Integer> line : s.cart.entrySet()) {
                    lines.add(new CartLineView(line.getKey(), line.getValue()));
                    rows.add(new long[] {line.getKey().id(), line.getValue()});
                }
                Instant cartAt = viewAt.plusSeconds(30);
                CartView cart = new CartView(s.cartId, customerId, s.sessionId, 1, lines);
                events.add(ShopEvents.cartUpdated(cart, s.sessionId, cartAt));
                carts.add(new SeedHistory.Cart(s.cartId, customerId, s.sessionId, s.ordered ? "ORDERED" : "OPEN", 1,
                        s.at, cartAt, rows));
            }
        }

        List<SessionDraft> ordered = new ArrayList<>();
        for (SessionDraft s : sessions) {
            if (s.ordered) {
                ordered.add(s);
            }
        }
        List<ShopOrder> orders = new ArrayList<>();
        List<SeedHistory.Refund> refunds = new ArrayList<>();
        List<SeedHistory.Review> reviews = new ArrayList<>();
        List<SeedHistory.Coupon> coupons = new ArrayList<>();
        List<SessionDraft> refunding = new ArrayList<>();
        List<SessionDraft> reviewing = new ArrayList<>();
        Map<SessionDraft, ShopOrder> orderOf = new HashMap<>();
        long orderId = 1000;
        for (SessionDraft s : ordered) {
            Customer c = s.customer.registered;
            Instant placedAt = s.at.plusSeconds(600 + 60L * s.viewed.size());
            String coupon = s.coupon ? "SEED-" + orderId : null;
            List<Discount> discounts = coupon == null ? List.of()
                    : List.of(new Discount("PERCENT", null, BigDecimal.TEN, new BigDecimal("20.00"), null, coupon));
            Quote quote = Pricing.quote(s.cart, discounts, Map.of());
            List<ShopOrderLine> lines = new ArrayList<>();
            int lineNo = 1;
            for (Quote.QuoteLine line : quote.lines()) {
                lines.add(new ShopOrderLine(lineNo++, line.productId(), line.name(), line.categoryId(), line.quantity(),
                        line.unitPrice(), line.lineDiscount(), 0));
            }
            String address = (10 + c.id() % 190) + " " + (c.id() % 2 == 0 ? "High Street" : "Main Road") + ", "
                    + (1000 + c.id() * 37 % 9000) + " " + c.timeZone().replaceAll(".*/", "").replace('_', ' ');
            long card = 4_111_000_000_000_000L + c.id() * 7 + (random.nextInt(10) == 0 ? 1 : 0);
            ShopOrder order = new ShopOrder(orderId, c.id(), CartView.checkoutId(s.cartId), OrderState.PLACED,
                    ShopEvents.CURRENCY, quote.subtotal(), quote.discounts(), quote.shipping(), quote.tax(),
                    quote.total(), BigDecimal.ZERO.setScale(2), coupon, c.displayName(), address,
                    CheckoutService.fingerprint(address.toLowerCase()),
                    CheckoutService.fingerprint(String.valueOf(card % 10_000) + ":16:" + String.valueOf(card).substring(0, 6)),
                    random.nextInt(4) == 0 ? "mobile" : "web", placedAt, null, null, lines);
            events.add(ShopEvents.checkoutStarted(s.cartId, placedAt.minusSeconds(240), c.id(), s.sessionId,
                    quote.total()));
            events.add(ShopEvents.placed(order));
            if (coupon != null) {
                coupons.add(new SeedHistory.Coupon(coupon, c.id(), orderId, placedAt.minus(3, ChronoUnit.DAYS)));
            }
            if (s.cancelAt != null) {
                events.add(ShopEvents.cancelled(order, s.cancelAt, "customer changed their mind"));
            } else if (s.deliverAt != null) {
                events.add(ShopEvents.completed(order, s.deliverAt));
            }
            orderOf.put(s, order);
            if (s.refundAt != null) {
                refunding.add(s);
            }
            if (s.reviewAt != null) {
                reviewing.add(s);
            }
            orderId++;
        }

        refunding.sort(Comparator.comparing((SessionDraft s) -> s.refundAt));
        long refundId = 1;
        Map<Long, SeedHistory.Refund> refundOfOrder = new HashMap<>();
        for (SessionDraft s : refunding) {
            ShopOrder order = orderOf.get(s);
            List<SeedHistory.RefundRow> rows = new ArrayList<>();
            List<RefundLine> lines = new ArrayList<>();
            BigDecimal amount;
            BigDecimal merchandise;
            BigDecimal grossUp = BigDecimal.ONE.add(Pricing.VAT_RATE);
            if (s.partialRefund) {
                ShopOrderLine line = order.lines().get(random.nextInt(order.lines().size()));
                merchandise = line.netUnitPrice();
                amount = merchandise.multiply(grossUp).setScale(2, RoundingMode.HALF_UP).min(order.total());
                rows.add(new SeedHistory.RefundRow(line.lineNo(), line.productId(), 1, amount));
                lines.add(new RefundLine(String.valueOf(line.productId()), 1, merchandise));
            } else {
                amount = order.total();
                merchandise = order.subtotal().subtract(order.discounts());
                for (ShopOrderLine line : order.lines()) {
                    rows.add(new SeedHistory.RefundRow(line.lineNo(), line.productId(), line.quantity(),
                            line.lineTotal().multiply(grossUp).setScale(2, RoundingMode.HALF_UP)));
                    lines.add(new RefundLine(String.valueOf(line.productId()), line.quantity(), line.lineTotal()));
                }
            }
            String reason = s.partialRefund ? "item arrived damaged" : "returned within 30 days";
            SeedHistory.Refund refund = new SeedHistory.Refund(refundId, order.id(), amount, reason, s.refundAt, rows);
            refunds.add(refund);
            refundOfOrder.put(order.id(), refund);
            events.add(ShopEvents.refunded(order, refundId, s.refundAt, lines, merchandise, reason));
            refundId++;
        }

        reviewing.sort(Comparator.comparing((SessionDraft s) -> s.reviewAt));
        long reviewId = 1;
        for (SessionDraft s : reviewing) {
            ShopOrder order = orderOf.get(s);
            ShopOrderLine line = order.lines().get(random.nextInt(order.lines().size()));
            int rating = rating(line.productId());
            reviews.add(new SeedHistory.Review(reviewId, line.productId(), order.customerId(), rating,
                    REVIEW_TITLES[rating], REVIEW_BODIES[rating], s.reviewAt));
            events.add(ShopEvents.review(reviewId, s.reviewAt, order.customerId(), line.productId(), rating));
            reviewId++;
        }

        // Final order states for the shop tables.
        for (SessionDraft s : ordered) {
            ShopOrder o = orderOf.get(s);
            SeedHistory.Refund refund = refundOfOrder.get(o.id());
            OrderState state = s.cancelAt != null ? OrderState.CANCELLED
                    : refund != null ? (refund.amount().compareTo(o.total()) >= 0 ? OrderState.REFUNDED
                            : OrderState.PARTIALLY_REFUNDED)
                    : s.deliverAt != null ? OrderState.DELIVERED : OrderState.PLACED;
            List<ShopOrderLine> lines = o.lines();
            if (refund != null) {
                lines = new ArrayList<>();
                for (ShopOrderLine line : o.lines()) {
                    int refundedQuantity = refund.lines().stream().filter(r -> r.lineNo() == line.lineNo())
                            .mapToInt(SeedHistory.RefundRow::quantity).sum();
                    lines.add(new ShopOrderLine(line.lineNo(), line.productId(), line.productName(), line.categoryId(),
                            line.quantity(), line.unitPrice(), line.lineDiscount(), refundedQuantity));
                }
            }
            orders.add(new ShopOrder(o.id(), o.customerId(), o.checkoutId(), state, o.currency(), o.subtotal(),
                    o.discounts(), o.shipping(), o.tax(), o.total(), refund == null ? o.refunded() : refund.amount(),
                    o.couponCode(), o.shipName(), o.shipAddress(), o.addressFingerprint(), o.paymentFingerprint(),
                    o.channel(), o.placedAt(), s.deliverAt, s.cancelAt, lines));
        }

        // Business-time order; ties keep generation order (registration before its first order, and so on).
        List<RetentionEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(RetentionEvent::occurredAt));
        return new SeedHistory(anchor, categories, products, customers, orders, refunds, carts, views, reviews,
                coupons, List.copyOf(sorted));
    }

    private int rating(long productId) {
        int quality = (int) (productId * 2654435761L % 5);
        int roll = random.nextInt(100) + quality * 6;
        return roll < 6 ? 1 : roll < 13 ? 2 : roll < 25 ? 3 : roll < 60 ? 4 : 5;
    }

    private List<String> favouriteCategories(boolean alice) {
        if (alice) {
            return List.of("coffee-tea", "kitchen", "books");
        }
        List<String> favourites = new ArrayList<>();
        while (favourites.size() < 2) {
            String id = categories.get(random.nextInt(categories.size())).id();
            if (!favourites.contains(id)) {
                favourites.add(id);
            }
        }
        return favourites;
    }

    /** A product published before {@code at}: from a favourite category 70 % of the time, popular ones more often. */
    private Product pickProduct(List<String> favourites, Instant at) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String categoryId = favourites != null && random.nextInt(10) < 7
                    ? favourites.get(random.nextInt(favourites.size()))
                    : categories.get(random.nextInt(categories.size())).id();
            List<Product> pool = byCategory.get(categoryId);
            // Zipf-like popularity within the category: low indexes sell most.
            int index = (int) Math.min(pool.size() - 1, Math.floor(pool.size() * Math.pow(random.nextDouble(), 1.8)));
            Product p = pool.get(index);
            if (p.publishedAt().isBefore(at)) {
                return p;
            }
        }
        return products.get(0);
    }

    private int pickLocale() {
        int roll = random.nextInt(100);
        return roll < 50 ? 0 : roll < 70 ? 1 : roll < 85 ? 2 : 3;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private Instant between(Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).getSeconds());
        return from.plusSeconds((long) (random.nextDouble() * span));
    }

    private double exponential(double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang. */
    private double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private double beta(double a, double b) {
        double x = gamma(a);
        return x / (x + gamma(b));
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text.replace("ł", "l").replace("Ł", "L"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z.]", "");
    }
}
