package dev.retention.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.customer.OrderHistory;
import dev.retention.customer.OrderStatus;
import dev.retention.customer.OrderSummary;
import dev.retention.demo.cart.CartView;
import dev.retention.demo.checkout.ShopDiscounts;
import dev.retention.demo.customer.Customer;
import dev.retention.demo.customer.Customers;
import dev.retention.demo.order.OrderState;
import dev.retention.demo.order.Orders;
import dev.retention.demo.order.ShopOrder;
import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import dev.retention.host.CouponOffer;
import dev.retention.host.CustomerDirectoryPort;
import dev.retention.host.DiscountGrant;
import dev.retention.host.DiscountSpec;
import dev.retention.host.HostCapabilities;
import dev.retention.host.MessagingPort;
import dev.retention.host.OutgoingMessage;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.InboxEntry;
import dev.retention.storefront.ShopperResolver;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The shop's main flows through MockMvc, and the events and port calls they produce. */
@SpringBootTest(properties = {"demo.seed.enabled=false", "retention.inbox.worker=false",
    "spring.datasource.url=jdbc:h2:mem:shop-flow;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class ShopFlowTest {

    private static final AtomicInteger SHOPPERS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Inbox inbox;
    @Autowired
    OrderHistory orderHistory;
    @Autowired
    Customers customers;
    @Autowired
    Orders orders;
    @Autowired
    ShopDiscounts discounts;
    @Autowired
    CatalogPort catalogPort;
    @Autowired
    CustomerDirectoryPort directory;
    @Autowired
    MessagingPort messaging;
    @Autowired
    HostCapabilities capabilities;
    @Autowired
    ShopperResolver shopperResolver;
    @Autowired
    JdbcClient jdbc;

    private record Shopper(String email, MockHttpSession session, RequestPostProcessor login) {
    }

    private Shopper register() throws Exception {
        String email = "shopper" + SHOPPERS.incrementAndGet() + "@example.com";
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", "secret")
                        .param("displayName", "Sam Shopper").param("locale", "pt-BR")
                        .param("timeZone", "America/Sao_Paulo").param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        return new Shopper(email, new MockHttpSession(), user(email).roles("CUSTOMER"));
    }

    private CartView checkoutPage(Shopper shopper) throws Exception {
        MvcResult page = mvc.perform(get("/checkout").session(shopper.session()).with(shopper.login()))
                .andExpect(status().isOk()).andReturn();
        return (CartView) page.getModelAndView().getModel().get("cart");
    }

    private long pay(Shopper shopper) throws Exception {
        mvc.perform(post("/checkout").session(shopper.session()).with(shopper.login()).with(csrf())
                        .param("name", "Sam Shopper").param("street", "1 Rua Augusta").param("postcode", "01305")
                        .param("city", "São Paulo").param("country", "Brazil"))
                .andExpect(redirectedUrl("/checkout/payment"));
        MvcResult paid = mvc.perform(post("/checkout/payment").session(shopper.session()).with(shopper.login())
                        .with(csrf()).param("cardNumber", "4242 4242 4242 4242"))
                .andExpect(redirectedUrlPattern("/account/orders/*")).andReturn();
        return Long.parseLong(paid.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
    }

    private void addToCart(Shopper shopper, long productId, int quantity) throws Exception {
        mvc.perform(post("/cart/add").session(shopper.session()).with(shopper.login()).with(csrf())
                        .param("productId", String.valueOf(productId)).param("quantity", String.valueOf(quantity)))
                .andExpect(redirectedUrl("/cart"));
    }

    /** The n-th product (1-based) that is in stock. */
    private long inStock(int n) {
        return jdbc.sql("SELECT id FROM shop_product WHERE stock > 10 ORDER BY id LIMIT 1 OFFSET ?").param(n - 1)
                .query(Long.class).single();
    }

    private InboxEntry event(String eventId) {
        return inbox.find(eventId).orElseThrow(() -> new AssertionError("no event " + eventId));
    }

    private String payload(String eventId) {
        return jdbc.sql("SELECT payload FROM rtn_inbox WHERE event_id = ?").param(eventId).query(String.class).single();
    }

    @Test
    void registerAddToCartAndCheckoutPublishesOrderPlacedWithTotalsAfterTheGrantedDiscount() throws Exception {
        Shopper shopper = register();
        Customer customer = customers.byEmail(shopper.email()).orElseThrow();
        assertThat(event("customer-" + customer.id() + "-registered").eventType()).isEqualTo("CustomerRegistered");

        addToCart(shopper, inStock(1), 2);
        addToCart(shopper, inStock(30), 1);
        CartView cart = checkoutPage(shopper);
        assertThat(cart.lines()).hasSize(2);
        assertThat(event("cart-" + cart.id() + "-v2").customerId()).isEqualTo(customer.customerId());
        assertThat(event("checkout-" + cart.id() + "-started").eventType()).isEqualTo("CheckoutStarted");

        // Retention Kit grants a reward for this checkout through the shop's DiscountPort.
        discounts.grant(new DiscountGrant("redemption-1", customer.customerId(), cart.checkoutId(),
                new DiscountSpec.AmountOff(new BigDecimal("5.00"), "EUR"), "500 points"));
        long orderId = pay(shopper);

        ShopOrder order = orders.byId(orderId).orElseThrow();
        BigDecimal subtotal = cart.subtotal();
        BigDecimal net = subtotal.subtract(new BigDecimal("5.00"));
        BigDecimal shipping = net.compareTo(new BigDecimal("49")) >= 0 ? BigDecimal.ZERO : new BigDecimal("4.90");
        BigDecimal tax = net.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(order.discounts()).isEqualByComparingTo("5.00");
        assertThat(order.total()).isEqualByComparingTo(net.add(shipping).add(tax));
        assertThat(order.checkoutId()).isEqualTo(cart.checkoutId());

        InboxEntry placed = event("order-" + orderId + "-placed");
        assertThat(placed.customerId()).isEqualTo(customer.customerId());
        assertThat(payload(placed.eventId())).contains("\"checkoutId\":\"" + cart.checkoutId() + "\"")
                .contains("\"baseCurrency\":\"EUR\"");
        inbox.drain();
        OrderSummary summary = orderHistory.find(String.valueOf(orderId)).orElseThrow();
        assertThat(summary.baseTotal()).isEqualByComparingTo(order.total());
        assertThat(summary.netMerchandise()).isEqualByComparingTo(net);
        assertThat(summary.checkoutId()).isEqualTo(cart.checkoutId());
        assertThat(summary.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void revokedGrantIsNotAppliedAndIssuedCouponWorksOnce() throws Exception {
        Shopper shopper = register();
        Customer customer = customers.byEmail(shopper.email()).orElseThrow();
        addToCart(shopper, inStock(2), 3);
        CartView cart = checkoutPage(shopper);
        discounts.grant(new DiscountGrant("g", customer.customerId(), cart.checkoutId(),
                new DiscountSpec.FreeShipping(), "free shipping"));
        discounts.revoke(cart.checkoutId(), "g");
        String code = discounts.issueCoupon(customer.customerId(), new CouponOffer("win-back",
                new DiscountSpec.PercentOff(BigDecimal.TEN, new BigDecimal("3.00"), "EUR"), null),
                Instant.now().plus(7, ChronoUnit.DAYS));
        mvc.perform(post("/checkout/coupon").session(shopper.session()).with(shopper.login()).with(csrf())
                .param("code", code)).andExpect(redirectedUrl("/checkout"));

        long orderId = pay(shopper);

        ShopOrder order = orders.byId(orderId).orElseThrow();
        BigDecimal expectedOff = cart.subtotal().multiply(new BigDecimal("0.10")).min(new BigDecimal("3.00"));
        assertThat(order.discounts()).isEqualByComparingTo(expectedOff.setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(order.couponCode()).isEqualTo(code);
        assertThat(payload("order-" + orderId + "-placed")).contains(code);
        assertThat(discounts.usableCoupon(code, customer.customerId(), new BigDecimal("100"))).isEmpty();
    }

    @Test
    void adminDeliversAndPartlyRefundsAnOrderPublishingOrderCompletedAndOrderRefunded() throws Exception {
        Shopper shopper = register();
        addToCart(shopper, inStock(3), 2);
        checkoutPage(shopper);
        long orderId = pay(shopper);
        RequestPostProcessor admin = user("admin").roles("ADMIN", "RETENTION_ADMIN");

        mvc.perform(get("/admin/orders").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/admin/orders/" + orderId)));
        mvc.perform(post("/admin/orders/{id}/deliver", orderId).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/orders/" + orderId));
        mvc.perform(post("/admin/orders/{id}/refund", orderId).with(admin).with(csrf()).param("qty_1", "1")
                .param("reason", "one arrived broken")).andExpect(redirectedUrl("/admin/orders/" + orderId));

        ShopOrder order = orders.byId(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderState.PARTIALLY_REFUNDED);
        assertThat(order.lines().get(0).refundedQuantity()).isEqualTo(1);
        BigDecimal unit = order.lines().get(0).netUnitPrice();
        assertThat(order.refunded()).isEqualByComparingTo(unit.multiply(new BigDecimal("1.20"))
                .setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(event("order-" + orderId + "-completed").eventType()).isEqualTo("OrderCompleted");
        long refundId = orders.refunds(orderId).get(0).id();
        String refundEvent = "order-" + orderId + "-refund-" + refundId;
        assertThat(event(refundEvent).eventType()).isEqualTo("OrderRefunded");
        assertThat(payload(refundEvent)).contains("\"amount\":" + unit.toPlainString());

        inbox.drain();
        OrderSummary summary = orderHistory.find(String.valueOf(orderId)).orElseThrow();
        assertThat(summary.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(summary.refunded()).isEqualByComparingTo(unit);

        // An amount refund on top, then no more than what is left.
        mvc.perform(post("/admin/orders/{id}/refund", orderId).with(admin).with(csrf()).param("amount", "100000"))
                .andExpect(redirectedUrl("/admin/orders/" + orderId));
        assertThat(orders.refunds(orderId)).hasSize(1);
    }

    @Test
    void adminCancelsAPlacedOrder() throws Exception {
        Shopper shopper = register();
        addToCart(shopper, inStock(4), 1);
        checkoutPage(shopper);
        long orderId = pay(shopper);

        mvc.perform(post("/admin/orders/{id}/cancel", orderId).with(user("admin").roles("ADMIN")).with(csrf())
                .param("reason", "out of stock")).andExpect(redirectedUrl("/admin/orders/" + orderId));

        assertThat(orders.byId(orderId).orElseThrow().status()).isEqualTo(OrderState.CANCELLED);
        assertThat(payload("order-" + orderId + "-cancelled")).contains("out of stock");
    }

    @Test
    void guestsAndShoppersCannotReachTheOrderAdmin() throws Exception {
        mvc.perform(get("/admin/orders")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/orders").with(user("someone@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/mail").with(user("someone@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/retention/api/inbox").with(user("staff").roles("ADMIN")))
                .andExpect(status().isForbidden());
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/cart/add").param("productId", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/orders/1000/deliver").with(user("admin").roles("ADMIN")))
                .andExpect(status().isForbidden());
    }

    @Test
    void guestProductViewAndCartArePublishedWithTheSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        long product = inStock(7);
        mvc.perform(get("/products/{id}", product).session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-retention-widget=\"recommendations\"")));
        mvc.perform(post("/cart/add").session(session).with(csrf()).param("productId", String.valueOf(product)))
                .andExpect(redirectedUrl("/cart"));

        String sessionId = (String) session.getAttribute("shop.sessionId");
        Long viewId = jdbc.sql("SELECT MAX(id) FROM shop_product_view WHERE session_id = ?").param(sessionId)
                .query(Long.class).single();
        InboxEntry view = event("view-" + viewId);
        assertThat(view.customerId()).isNull();
        assertThat(payload(view.eventId())).contains(sessionId);
        mvc.perform(get("/cart").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-placement=\"cart\"")));
    }

    @Test
    void reviewsProfileConsentAndErasurePublishTheirEvents() throws Exception {
        Shopper shopper = register();
        Customer customer = customers.byEmail(shopper.email()).orElseThrow();
        long product = inStock(5);
        addToCart(shopper, product, 1);
        checkoutPage(shopper);
        pay(shopper);

        mvc.perform(post("/products/{id}/reviews", product).with(shopper.login()).with(csrf()).param("rating", "4")
                .param("title", "<b>Nice</b>").param("body", "Works well")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/products/{id}", product)).andExpect(content().string(org.hamcrest.Matchers
                .containsString("&lt;b&gt;Nice&lt;/b&gt;")));
        mvc.perform(post("/account/profile").with(shopper.login()).with(csrf()).param("displayName", "Sam S.")
                .param("locale", "ro").param("timeZone", "Europe/Bucharest")).andExpect(redirectedUrl("/account"));
        mvc.perform(post("/account/consent").with(shopper.login()).with(csrf()).param("consent", "false"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").with(shopper.login())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-retention-widget=\"loyalty-panel\"")));

        long reviewId = jdbc.sql("SELECT MAX(id) FROM shop_review WHERE customer_id = ?").param(customer.id())
                .query(Long.class).single();
        assertThat(event("review-" + reviewId).eventType()).isEqualTo("ReviewSubmitted");
        assertThat(event("customer-" + customer.id() + "-updated-1").eventType()).isEqualTo("CustomerUpdated");
        assertThat(payload("customer-" + customer.id() + "-consent-1")).contains("\"granted\":false");

        mvc.perform(post("/account/delete").with(shopper.login()).with(csrf()).param("confirm", "DELETE"))
                .andExpect(status().is3xxRedirection());
        assertThat(event("customer-" + customer.id() + "-erased").eventType()).isEqualTo("CustomerErased");
        assertThat(customers.byId(customer.id()).orElseThrow().email()).doesNotContain("shopper");
        assertThat(directory.find(customer.customerId())).isEmpty();
        assertThat(orders.ofCustomer(customer.id())).allSatisfy(o -> assertThat(o.shipName()).isEqualTo("Erased customer"));
    }

    @Test
    void restockingASoldOutProductPublishesProductRestocked() throws Exception {
        RequestPostProcessor admin = user("admin").roles("ADMIN");
        mvc.perform(post("/admin/products/8/stock").with(admin).with(csrf()).param("stock", "0"));
        mvc.perform(post("/admin/products/8/stock").with(admin).with(csrf()).param("stock", "25"))
                .andExpect(redirectedUrl("/admin/products"));

        assertThat(inbox.list(null, 0, 50)).anyMatch(e -> e.eventType().equals("ProductRestocked")
                && e.eventId().startsWith("product-8-restock-"));
        assertThat(event("product-8-published").eventType()).isEqualTo("ProductPublished");
    }

    @Test
    void portsAnswerFromTheShopTables() {
        Optional<CatalogProduct> coffee = catalogPort.product("1");
        assertThat(coffee).get().satisfies(p -> {
            assertThat(p.category()).isEqualTo("coffee-tea");
            assertThat(p.repurchasable()).isTrue();
            assertThat(p.replenishmentDays()).isPositive();
            assertThat(p.imageUrl()).endsWith("/images/products/1.svg");
        });
        assertThat(catalogPort.product("999999")).isEmpty();
        assertThat(capabilities.has(HostCapabilities.Port.DISCOUNT)).isTrue();
        assertThat(capabilities.events()).hasSize(HostCapabilities.allEvents().size());

        messaging.deliver(new OutgoingMessage("msg-1@shop", "email", "1", "a@example.com", Locale.ENGLISH, "Hello",
                "<p>Hi <script>alert(1)</script></p>", "Hi", Map.of()));
        messaging.deliver(new OutgoingMessage("msg-1@shop", "email", "1", "a@example.com", Locale.ENGLISH, "Hello",
                "<p>Hi</p>", "Hi", Map.of()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_sent_message WHERE message_id = 'msg-1@shop'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(messaging.supports("email")).isTrue();
        assertThat(messaging.supports("sms")).isFalse();
    }

    @Test
    void adminMailShowsTheMessageEscapedInASandboxedFrame() throws Exception {
        messaging.deliver(new OutgoingMessage("msg-2@shop", "email", "1", "b@example.com", Locale.ENGLISH,
                "Your points", "<p onclick=\"x\">Points</p>", "Points", Map.of()));
        long id = jdbc.sql("SELECT id FROM shop_sent_message WHERE message_id = 'msg-2@shop'").query(Long.class)
                .single();

        mvc.perform(get("/admin/mail").param("id", String.valueOf(id)).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("srcdoc=\"&lt;p onclick=&quot;x&quot;&gt;")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sandbox=\"\"")));
    }

    @Test
    void shopperResolverMapsTheSignedInEmailToTheCustomerId() throws Exception {
        Shopper shopper = register();
        Customer customer = customers.byEmail(shopper.email()).orElseThrow();
        MockHttpServletRequest request = new MockHttpServletRequest();
        Principal principal = () -> shopper.email();
        request.setUserPrincipal(principal);

        assertThat(shopperResolver.customerId(request)).contains(customer.customerId());
        request.setUserPrincipal(() -> "admin");
        assertThat(shopperResolver.customerId(request)).isEmpty();
        assertThat(shopperResolver.customerId(new MockHttpServletRequest())).isEmpty();
    }

    @Test
    void catalogPagesRenderAndImagesAreDeterministicSvg() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-retention-widget=\"points-badge\"")));
        mvc.perform(get("/categories/coffee-tea")).andExpect(status().isOk());
        mvc.perform(get("/search").param("q", "<script>coffee")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;coffee")));
        String first = mvc.perform(get("/images/products/12.svg")).andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml")).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/images/products/12.svg")).andReturn().getResponse().getContentAsString();
        assertThat(first).startsWith("<svg").isEqualTo(second);
        mvc.perform(get("/products/99999")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void declinedCardPlacesNoOrder() throws Exception {
        Shopper shopper = register();
        addToCart(shopper, inStock(6), 1);
        checkoutPage(shopper);
        mvc.perform(post("/checkout").session(shopper.session()).with(shopper.login()).with(csrf())
                .param("name", "Sam").param("street", "1 Main").param("postcode", "1").param("city", "X")
                .param("country", "Y"));
        long before = orders.count(null);

        mvc.perform(post("/checkout/payment").session(shopper.session()).with(shopper.login()).with(csrf())
                .param("cardNumber", "4000 0000 0000 0002")).andExpect(redirectedUrl("/checkout/payment"));

        assertThat(orders.count(null)).isEqualTo(before);
    }
}
