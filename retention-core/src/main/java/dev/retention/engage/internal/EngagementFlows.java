package dev.retention.engage.internal;

import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.customer.OrderStatus;
import dev.retention.customer.OrderSummary;
import dev.retention.engage.Flow;
import dev.retention.engage.FlowSettings;
import dev.retention.engage.FlowStarter;
import dev.retention.engage.RelatedProducts;
import dev.retention.engage.SurveyInvitations;
import dev.retention.host.CartLine;
import dev.retention.host.CartUpdated;
import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import dev.retention.host.CouponOffer;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.DiscountPort;
import dev.retention.host.DiscountSpec;
import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.ProductPublished;
import dev.retention.host.ProductRestocked;
import dev.retention.host.ProductViewed;
import dev.retention.host.RetentionEvent;
import dev.retention.ingest.RetentionEventHandler;
import dev.retention.ingest.Timer;
import dev.retention.ingest.TimerHandler;
import dev.retention.ingest.Timers;
import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns host events into flow steps and flow steps into messages. Every delay is a business-time {@link Timers}
 * timer (kind {@value #KIND}), so a replayed history sends what live traffic would have sent; each step re-checks
 * its stop condition when it fires (an order placed stops the cart reminders, a newer order postpones win-back).
 */
public class EngagementFlows implements RetentionEventHandler, TimerHandler, FlowStarter {

    public static final String KIND = "engage.step";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Class<? extends RetentionEvent>> HANDLED = Set.of(CustomerRegistered.class,
            CartUpdated.class, ProductViewed.class, OrderPlaced.class, OrderCompleted.class, ProductRestocked.class,
            ProductPublished.class);
    private static final Duration DEFAULT_INTERVAL = Duration.ofDays(60);
    private static final int FAN_OUT_LIMIT = 5000;

    private final JdbcClient jdbc;
    private final Supplier<Timers> timers;
    private final MessageComposer composer;
    private final CustomerProfiles profiles;
    private final OrderHistory orders;
    private final ObjectProvider<CatalogPort> catalog;
    private final ObjectProvider<DiscountPort> discounts;
    private final ObjectProvider<RelatedProducts> related;
    private final ObjectProvider<SurveyInvitations> surveys;
    private final Attribution attribution;
    private final Clock clock;
    private final Duration maxLateness;

    /**
     * @param clock       wall clock, to recognise history being back-filled
     * @param maxLateness a step due longer ago than this (by the wall clock) is history: it is not scheduled or
     *                    sent, so importing two years of orders never mails shoppers about carts they left in 2024
     */
    public EngagementFlows(JdbcClient jdbc, Supplier<Timers> timers, MessageComposer composer, CustomerProfiles profiles,
            OrderHistory orders, ObjectProvider<CatalogPort> catalog, ObjectProvider<DiscountPort> discounts,
            ObjectProvider<RelatedProducts> related, ObjectProvider<SurveyInvitations> surveys,
            Attribution attribution, Clock clock, Duration maxLateness) {
        this.clock = clock;
        this.maxLateness = maxLateness;
        this.jdbc = jdbc;
        this.timers = timers;
        this.composer = composer;
        this.profiles = profiles;
        this.orders = orders;
        this.catalog = catalog;
        this.discounts = discounts;
        this.related = related;
        this.surveys = surveys;
        this.attribution = attribution;
    }

    // ---------------------------------------------------------------- events -> timers

    @Override
    public boolean handles(Class<? extends RetentionEvent> type) {
        return HANDLED.contains(type);
    }

    @Override
    public void handle(RetentionEvent event) {
        if (event instanceof CustomerRegistered registered) {
            onRegistered(registered);
        } else if (event instanceof CartUpdated cart) {
            onCart(cart);
        } else if (event instanceof ProductViewed viewed) {
            onViewed(viewed);
        } else if (event instanceof OrderPlaced placed) {
            onOrder(placed);
        } else if (event instanceof OrderCompleted completed) {
            FlowSettings settings = composer.settings(Flow.REVIEW_REQUEST);
            schedule(Flow.REVIEW_REQUEST, 1, completed.customerId(), completed.orderId(), completed.occurredAt(),
                    completed.occurredAt().plus(settings.delay(1)), completed.orderId());
        } else if (event instanceof ProductRestocked restocked) {
            schedule(Flow.BACK_IN_STOCK, 1, null, restocked.productId(), restocked.occurredAt(),
                    restocked.occurredAt(), restocked.productId() + ":" + restocked.eventId());
        } else if (event instanceof ProductPublished published) {
            schedule(Flow.NEW_ARRIVALS, 1, null, published.productId(), published.occurredAt(),
                    published.occurredAt(), published.productId() + ":" + published.eventId());
        }
    }

    @Override
    public void start(Flow flow, String customerId, String ref, Instant at) {
        FlowSettings settings = composer.settings(flow);
        for (int step = 1; step <= (flow == Flow.REFERRAL_INVITATION ? 1 : settings.delays().size()); step++) {
            schedule(flow, step, customerId, ref, at, at.plus(settings.delay(step)), customerId + ":" + ref);
        }
    }

    private void onRegistered(CustomerRegistered registered) {
        FlowSettings welcome = composer.settings(Flow.WELCOME);
        for (int step = 1; step <= welcome.delays().size(); step++) {
            schedule(Flow.WELCOME, step, registered.customerId(), null, registered.occurredAt(),
                    registered.occurredAt().plus(welcome.delay(step)), registered.customerId());
        }
        if (registered.birthday() != null) {
            scheduleBirthday(registered.customerId(), MonthDay.from(registered.birthday()), registered.timeZone(),
                    registered.occurredAt());
        }
    }

    private void scheduleBirthday(String customerId, MonthDay birthday, ZoneId zone, Instant after) {
        LocalDate today = after.atZone(zone).toLocalDate();
        LocalDate next = birthday.atYear(today.getYear());
        if (!next.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant().isAfter(after)) {
            next = birthday.atYear(today.getYear() + 1);
        }
        Instant due = next.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
        schedule(Flow.BIRTHDAY, 1, customerId, birthday.toString() + "|" + zone.getId(), after, due,
                customerId + ":" + next.getYear());
    }

    private void onCart(CartUpdated cart) {
        if (cart.customerId() == null) {
            return;
        }
        FlowSettings settings = composer.settings(Flow.ABANDONED_CART);
        jdbc.sql("DELETE FROM rtn_engage_cart WHERE customer_id = ?").param(cart.customerId()).update();
        if (cart.lines().isEmpty()) {
            for (int step = 1; step <= settings.delays().size(); step++) {
                timers.get().cancel(KIND, key(Flow.ABANDONED_CART, step, cart.customerId() + ":" + cart.cartId()));
            }
            return;
        }
        jdbc.sql("INSERT INTO rtn_engage_cart (customer_id, cart_id, updated_at, cart_lines, total, currency)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(cart.customerId(), cart.cartId(), UtcTime.toColumn(cart.occurredAt()),
                        JSON.writeValueAsString(cart.lines()), cart.total(), cart.currency())
                .update();
        for (int step = 1; step <= settings.delays().size(); step++) {
            schedule(Flow.ABANDONED_CART, step, cart.customerId(), cart.cartId(), cart.occurredAt(),
                    cart.occurredAt().plus(settings.delay(step)), cart.customerId() + ":" + cart.cartId());
        }
    }

    private void onViewed(ProductViewed viewed) {
        if (viewed.customerId() == null) {
            return;
        }
        FlowSettings settings = composer.settings(Flow.BROWSE_ABANDONMENT);
        LocalDate day = viewed.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        schedule(Flow.BROWSE_ABANDONMENT, 1, viewed.customerId(), viewed.productId(), viewed.occurredAt(),
                viewed.occurredAt().plus(settings.delay(1)), viewed.customerId() + ":" + viewed.productId() + ":" + day);
    }

    private void onOrder(OrderPlaced order) {
        String customerId = order.customerId();
        Optional<String> cartId = jdbc.sql("SELECT cart_id FROM rtn_engage_cart WHERE customer_id = ?")
                .param(customerId).query(String.class).optional();
        if (cartId.isPresent()) {
            for (int step = 1; step <= composer.settings(Flow.ABANDONED_CART).delays().size(); step++) {
                timers.get().cancel(KIND, key(Flow.ABANDONED_CART, step, customerId + ":" + cartId.get()));
            }
            jdbc.sql("DELETE FROM rtn_engage_cart WHERE customer_id = ?").param(customerId).update();
        }
        schedule(Flow.ORDER_THANK_YOU, 1, customerId, order.orderId(), order.occurredAt(),
                order.occurredAt().plus(composer.settings(Flow.ORDER_THANK_YOU).delay(1)), order.orderId());
        scheduleWinBack(order);
        FlowSettings replenish = composer.settings(Flow.REPLENISHMENT);
        CatalogPort port = catalog.getIfAvailable();
        if (port != null) {
            Map<String, CatalogProduct> products = port.products(order.lines().stream().map(OrderLine::productId)
                    .distinct().toList());
            for (OrderLine line : order.lines()) {
                CatalogProduct product = products.get(line.productId());
                if (product != null && product.replenishmentDays() > 0) {
                    Instant runsOut = order.occurredAt().plus(Duration.ofDays((long) product.replenishmentDays()
                            * line.quantity()));
                    Instant due = runsOut.minus(replenish.delay(1));
                    schedule(Flow.REPLENISHMENT, 1, customerId, order.orderId() + "|" + line.productId(),
                            order.occurredAt(), due.isBefore(order.occurredAt()) ? order.occurredAt() : due,
                            customerId + ":" + order.orderId() + ":" + line.productId());
                }
            }
        }
        attribution.attribute(order);
    }

    /** Win-back is due when the customer passes their own usual interval (median gap) times the factor. */
    private void scheduleWinBack(OrderPlaced order) {
        FlowSettings settings = composer.settings(Flow.WIN_BACK);
        List<Instant> placed = new ArrayList<>();
        for (OrderSummary summary : orders.ordersOf(order.customerId())) {
            if (summary.status() != OrderStatus.CANCELLED && !summary.orderId().equals(order.orderId())
                    && summary.placedAt().isBefore(order.occurredAt())) {
                placed.add(summary.placedAt());
            }
        }
        placed.add(order.occurredAt());
        Duration interval = expectedInterval(placed).orElse(settings.delay(1).isZero() ? DEFAULT_INTERVAL
                : settings.delay(1));
        long seconds = new BigDecimal(interval.getSeconds()).multiply(settings.intervalFactor()).longValue();
        schedule(Flow.WIN_BACK, 1, order.customerId(), order.orderId(), order.occurredAt(),
                order.occurredAt().plusSeconds(seconds), order.customerId() + ":" + order.orderId());
    }

    /** Median gap between consecutive orders, when there are at least two orders. */
    static Optional<Duration> expectedInterval(List<Instant> placed) {
        List<Instant> sorted = placed.stream().sorted().toList();
        if (sorted.size() < 2) {
            return Optional.empty();
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).getSeconds());
        }
        gaps.sort(null);
        int n = gaps.size();
        long median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
        return Optional.of(Duration.ofSeconds(Math.max(median, Duration.ofDays(1).getSeconds())));
    }

    private void schedule(Flow flow, int step, String customerId, String ref, Instant anchor, Instant due,
            String decisionKey) {
        if (isHistory(due)) {
            return;
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.put("flow", flow.key());
        payload.put("step", step);
        payload.put("customerId", customerId);
        payload.put("ref", ref);
        payload.put("anchor", anchor.toString());
        payload.put("key", decisionKey);
        timers.get().schedule(KIND, key(flow, step, decisionKey), due, payload.toString());
    }

    private boolean isHistory(Instant due) {
        return due.isBefore(clock.instant().minus(maxLateness));
    }

    private static String key(Flow flow, int step, String decisionKey) {
        return flow.key() + ":" + step + ":" + decisionKey;
    }

    // ---------------------------------------------------------------- timers -> messages

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(Timer timer) {
        JsonNode payload = JSON.readTree(timer.payload());
        Flow flow = Flow.ofKey(payload.get("flow").asString());
        int step = payload.get("step").asInt();
        String customerId = text(payload, "customerId");
        String ref = text(payload, "ref");
        Instant anchor = Instant.parse(payload.get("anchor").asString());
        String decisionKey = payload.get("key").asString();
        Instant at = timer.dueAt();
        if (flow == Flow.BACK_IN_STOCK || flow == Flow.NEW_ARRIVALS) {
            if (customerId == null) {
                fanOut(flow, ref, anchor, decisionKey, at);
                return;
            }
        }
        if (flow == Flow.BIRTHDAY && ref != null) {
            String[] parts = ref.split("\\|");
            scheduleBirthday(customerId, MonthDay.parse(parts[0]), ZoneId.of(parts[1]), at.plusSeconds(1));
        }
        if (isHistory(at)) {
            return;
        }
        Optional<Map<String, Object>> model = model(flow, step, customerId, ref, anchor, at);
        if (model.isEmpty()) {
            return;
        }
        send(flow, step, customerId, ref, anchor, decisionKey, at, model.get());
    }

    private void send(Flow flow, int step, String customerId, String ref, Instant anchor, String decisionKey,
            Instant at, Map<String, Object> baseModel) {
        MessageComposer.Outcome outcome = composer.compose(new MessageComposer.Request(flow, step, customerId,
                decisionKey, at, "A", () -> enrich(flow, customerId, at, decisionKey, baseModel)));
        if (outcome.kind() == MessageComposer.Kind.DEFERRED) {
            ObjectNode payload = JSON.createObjectNode();
            payload.put("flow", flow.key());
            payload.put("step", step);
            payload.put("customerId", customerId);
            // A deferred birthday only sends: the next year's is already scheduled.
            payload.put("ref", flow == Flow.BIRTHDAY ? null : ref);
            payload.put("anchor", anchor.toString());
            payload.put("key", decisionKey);
            timers.get().schedule(KIND, key(flow, step, decisionKey) + "@" + outcome.deferUntil().getEpochSecond(),
                    outcome.deferUntil(), payload.toString());
        }
    }

    /** Things that cost something (coupons, survey invitations) are created only when the message goes out. */
    private Map<String, Object> enrich(Flow flow, String customerId, Instant at, String decisionKey,
            Map<String, Object> model) {
        Map<String, Object> enriched = new LinkedHashMap<>(model);
        FlowSettings settings = composer.settings(flow);
        if ((flow == Flow.WIN_BACK || flow == Flow.BIRTHDAY) && settings.couponPercent().signum() > 0) {
            DiscountPort port = discounts.getIfAvailable();
            if (port != null) {
                String code = port.issueCoupon(customerId, new CouponOffer(flow.key(),
                        new DiscountSpec.PercentOff(settings.couponPercent(), null, null), null),
                        at.plus(Duration.ofDays(settings.couponValidDays())));
                enriched.put("coupon", code);
                enriched.put("couponPercent", settings.couponPercent().stripTrailingZeros().toPlainString());
                enriched.put("couponValidUntil", at.plus(Duration.ofDays(settings.couponValidDays()))
                        .atZone(ZoneOffset.UTC).toLocalDate().toString());
            }
        }
        if (flow == Flow.REVIEW_REQUEST) {
            SurveyInvitations invitations = surveys.getIfAvailable();
            if (invitations != null) {
                String orderId = (String) model.get("orderId");
                List<Map<String, Object>> scale = new ArrayList<>();
                for (int score = 0; score <= 10; score++) {
                    scale.add(Map.of("score", score, "url", invitations.npsUrl(customerId, orderId, at, score)));
                }
                enriched.put("npsScale", scale);
            }
        }
        return enriched;
    }

    private Optional<Map<String, Object>> model(Flow flow, int step, String customerId, String ref, Instant anchor,
            Instant at) {
        Map<String, Object> model = new LinkedHashMap<>();
        switch (flow) {
            case WELCOME, BIRTHDAY, REFERRAL_INVITATION -> {
                return Optional.of(model);
            }
            case ABANDONED_CART -> {
                Optional<Map<String, Object>> cart = jdbc.sql("SELECT cart_id, updated_at, cart_lines, total, currency"
                                + " FROM rtn_engage_cart WHERE customer_id = ?")
                        .param(customerId)
                        .query((rs, n) -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("cartId", rs.getString("cart_id"));
                            row.put("updatedAt", UtcTime.read(rs, "updated_at"));
                            row.put("lines", rs.getString("cart_lines"));
                            row.put("total", rs.getBigDecimal("total"));
                            row.put("currency", rs.getString("currency"));
                            return row;
                        })
                        .optional();
                if (cart.isEmpty() || !cart.get().get("cartId").equals(ref) || orderedSince(customerId, anchor)) {
                    return Optional.empty();
                }
                List<CartLine> lines = List.of(JSON.readValue((String) cart.get().get("lines"), CartLine[].class));
                List<String> ids = lines.stream().map(CartLine::productId).toList();
                Map<String, CatalogProduct> products = products(ids);
                List<Map<String, Object>> items = new ArrayList<>();
                for (CartLine line : lines) {
                    CatalogProduct product = products.get(line.productId());
                    items.add(item(line.productId(), product, line.quantity(), line.unitPrice(),
                            (String) cart.get().get("currency")));
                }
                model.put("items", items);
                model.put("showQuantity", true);
                model.put("total", money((BigDecimal) cart.get().get("total")));
                model.put("currency", cart.get().get("currency"));
                model.put("suggestions", suggestions(customerId, ids));
                return Optional.of(model);
            }
            case BROWSE_ABANDONMENT -> {
                if (orderedSince(customerId, anchor)) {
                    return Optional.empty();
                }
                boolean inCart = jdbc.sql("SELECT cart_lines FROM rtn_engage_cart WHERE customer_id = ?")
                        .param(customerId).query(String.class).optional()
                        .map(lines -> lines.contains("\"" + ref + "\"")).orElse(false);
                Optional<CatalogProduct> product = product(ref);
                if (inCart || product.isEmpty() || !product.get().inStock()) {
                    return Optional.empty();
                }
                model.put("product", item(ref, product.get(), 1, product.get().price(), product.get().currency()));
                model.put("subjectArgs", new Object[] {product.get().name()});
                return Optional.of(model);
            }
            case ORDER_THANK_YOU, REVIEW_REQUEST -> {
                Optional<OrderSummary> order = orders.find(ref);
                if (flow == Flow.REVIEW_REQUEST && order.isPresent() && order.get().status() == OrderStatus.CANCELLED) {
                    return Optional.empty();
                }
                List<Map<String, Object>> items = orderItems(ref);
                model.put("orderId", ref);
                model.put("showQuantity", true);
                model.put("subjectArgs", new Object[] {ref});
                model.put("items", items);
                order.ifPresent(o -> {
                    model.put("total", money(o.baseTotal()));
                    model.put("currency", o.baseCurrency());
                });
                if (flow == Flow.ORDER_THANK_YOU) {
                    model.put("suggestions", suggestions(customerId,
                            items.stream().map(i -> (String) i.get("productId")).toList()));
                }
                return Optional.of(model);
            }
            case WIN_BACK -> {
                List<OrderSummary> history = orders.ordersOf(customerId);
                Optional<OrderSummary> latest = history.stream().filter(o -> o.status() != OrderStatus.CANCELLED)
                        .reduce((a, b) -> b);
                if (latest.isPresent() && !latest.get().orderId().equals(ref)
                        && latest.get().placedAt().isAfter(anchor)) {
                    return Optional.empty();
                }
                model.put("favourites", favourites(customerId, 3));
                return Optional.of(model);
            }
            case REPLENISHMENT -> {
                String[] parts = ref.split("\\|", 2);
                String productId = parts[1];
                Long again = jdbc.sql("SELECT COUNT(*) FROM rtn_order_line l JOIN rtn_order o ON o.order_id ="
                                + " l.order_id WHERE o.customer_id = ? AND l.product_id = ? AND o.placed_at > ?"
                                + " AND o.status <> 'CANCELLED'")
                        .params(customerId, productId, UtcTime.toColumn(anchor))
                        .query(Long.class).single();
                Optional<CatalogProduct> product = product(productId);
                if (again > 0 || product.isEmpty()) {
                    return Optional.empty();
                }
                model.put("product", item(productId, product.get(), 1, product.get().price(),
                        product.get().currency()));
                model.put("subjectArgs", new Object[] {product.get().name()});
                return Optional.of(model);
            }
            case BACK_IN_STOCK, NEW_ARRIVALS -> {
                Optional<CatalogProduct> product = product(ref);
                if (product.isEmpty() || !product.get().inStock()) {
                    return Optional.empty();
                }
                model.put("product", item(ref, product.get(), 1, product.get().price(), product.get().currency()));
                model.put("subjectArgs", new Object[] {product.get().name()});
                return Optional.of(model);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Back in stock / new arrival: every customer who bought in the product's category hears about it. */
    private void fanOut(Flow flow, String productId, Instant anchor, String decisionKey, Instant at) {
        Optional<CatalogProduct> product = product(productId);
        if (product.isEmpty() || product.get().category() == null || !product.get().inStock()) {
            return;
        }
        List<String> customers = jdbc.sql("SELECT DISTINCT o.customer_id FROM rtn_order o JOIN rtn_order_line l ON"
                        + " l.order_id = o.order_id WHERE l.category = ? AND o.status <> 'CANCELLED'"
                        + " ORDER BY o.customer_id")
                .param(product.get().category())
                .withMaxRows(FAN_OUT_LIMIT)
                .query(String.class)
                .list();
        for (String customerId : customers) {
            Optional<Map<String, Object>> model = model(flow, 1, customerId, productId, anchor, at);
            if (model.isPresent()) {
                send(flow, 1, customerId, productId, anchor, decisionKey + ":" + customerId, at, model.get());
            }
        }
    }

    private boolean orderedSince(String customerId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_order WHERE customer_id = ? AND placed_at >= ?")
                .params(customerId, UtcTime.toColumn(since))
                .query(Long.class).single() > 0;
    }

    private List<Map<String, Object>> orderItems(String orderId) {
        List<Object[]> lines = jdbc.sql("SELECT product_id, quantity, unit_price FROM rtn_order_line"
                        + " WHERE order_id = ? ORDER BY line_no")
                .param(orderId)
                .query((rs, n) -> new Object[] {rs.getString("product_id"), rs.getInt("quantity"),
                    rs.getBigDecimal("unit_price")})
                .list();
        String currency = jdbc.sql("SELECT currency FROM rtn_order WHERE order_id = ?").param(orderId)
                .query(String.class).optional().orElse("");
        Map<String, CatalogProduct> products = products(lines.stream().map(l -> (String) l[0]).toList());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object[] line : lines) {
            items.add(item((String) line[0], products.get((String) line[0]), (Integer) line[1],
                    (BigDecimal) line[2], currency));
        }
        return items;
    }

    private List<Map<String, Object>> favourites(String customerId, int limit) {
        List<String> ids = jdbc.sql("SELECT l.product_id, SUM(l.quantity) AS bought FROM rtn_order_line l JOIN"
                        + " rtn_order o ON o.order_id = l.order_id WHERE o.customer_id = ? AND o.status <> 'CANCELLED'"
                        + " GROUP BY l.product_id ORDER BY bought DESC, l.product_id")
                .param(customerId)
                .query((rs, n) -> rs.getString("product_id"))
                .list();
        List<Map<String, Object>> items = new ArrayList<>();
        for (var entry : products(ids).entrySet()) {
            if (entry.getValue().inStock() && items.size() < limit) {
                items.add(item(entry.getKey(), entry.getValue(), 1, entry.getValue().price(),
                        entry.getValue().currency()));
            }
        }
        return items;
    }

    private List<Map<String, Object>> suggestions(String customerId, List<String> productIds) {
        RelatedProducts hook = related.getIfAvailable();
        if (hook == null) {
            return List.of();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (var entry : products(hook.relatedTo(customerId, productIds, 3)).entrySet()) {
            items.add(item(entry.getKey(), entry.getValue(), 1, entry.getValue().price(), entry.getValue().currency()));
        }
        return items;
    }

    private Map<String, CatalogProduct> products(List<String> ids) {
        CatalogPort port = catalog.getIfAvailable();
        return port == null || ids.isEmpty() ? Map.of() : port.products(ids);
    }

    private Optional<CatalogProduct> product(String id) {
        CatalogPort port = catalog.getIfAvailable();
        return port == null ? Optional.empty() : port.product(id);
    }

    private static Map<String, Object> item(String productId, CatalogProduct product, int quantity,
            BigDecimal unitPrice, String currency) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", productId);
        item.put("name", product == null ? productId : product.name());
        item.put("imageUrl", product == null ? null : product.imageUrl());
        item.put("url", product == null ? null : product.url());
        item.put("quantity", quantity);
        item.put("price", money(unitPrice));
        item.put("currency", currency == null && product != null ? product.currency() : currency);
        return item;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
