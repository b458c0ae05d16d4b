package dev.retention.engage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.customer.CustomerProfiles;
import dev.retention.engage.internal.MailRenderer;
import dev.retention.engage.internal.SendingRules;
import dev.retention.host.CartLine;
import dev.retention.host.CartUpdated;
import dev.retention.host.CatalogPort;
import dev.retention.host.CatalogProduct;
import dev.retention.host.ConsentChanged;
import dev.retention.host.CouponOffer;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.DiscountGrant;
import dev.retention.host.DiscountPort;
import dev.retention.host.MessagingPort;
import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderTotals;
import dev.retention.host.ProductRestocked;
import dev.retention.host.ProductViewed;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import dev.retention.privacy.PrivacyService;
import dev.retention.support.DatabaseVendor;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drives every flow through the SPI (events in, business clock moved by hand) and reads what a real SMTP server
 * received.
 */
@Tag("db")
@SpringBootTest(classes = {CoreTestApplication.class, EngagementFlowsIntegrationTest.Host.class}, properties = {
    "retention.inbox.worker=false", "retention.engage.delivery.worker=false",
    "retention.engage.signing-secret=test-signing-secret-0123456789", "retention.engage.base-url=https://shop.test",
    "retention.engage.from=shop@shop.test", "retention.feedback.alert-email=ops@shop.test"})
class EngagementFlowsIntegrationTest {

    static final TestSmtp SMTP = new TestSmtp();
    static final Path PREVIEWS = Path.of("target", "mail-previews");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "engage");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    /** The host's catalogue, coupons and related products, as a test store would implement them. */
    @TestConfiguration
    static class Host {
        final Map<String, CatalogProduct> products = new ConcurrentHashMap<>();
        final List<String> coupons = new CopyOnWriteArrayList<>();

        Host() {
            put(product("book-1", "The Pragmatic Programmer", "39.90", "books", true, 0));
            put(product("book-2", "Refactoring", "44.00", "books", true, 0));
            put(product("tea-1", "Sencha green tea 100 g", "8.50", "tea", true, 30));
            put(product("book-new", "Domain-Driven Design", "52.00", "books", false, 0));
        }

        void put(CatalogProduct product) {
            products.put(product.productId(), product);
        }

        static CatalogProduct product(String id, String name, String price, String category, boolean inStock,
                int replenishmentDays) {
            return new CatalogProduct(id, name, new BigDecimal(price), "EUR", "https://img.shop.test/" + id + ".jpg",
                    "https://shop.test/p/" + id, inStock, category, null, replenishmentDays > 0, replenishmentDays);
        }

        @Bean
        Host host() {
            return this;
        }

        @Bean
        CatalogPort catalogPort() {
            return id -> Optional.ofNullable(products.get(id));
        }

        @Bean
        DiscountPort discountPort() {
            return new DiscountPort() {
                @Override
                public void grant(DiscountGrant grant) {
                }

                @Override
                public void revoke(String checkoutId, String grantId) {
                }

                @Override
                public String issueCoupon(String customerId, CouponOffer offer, Instant validUntil) {
                    String code = offer.purpose().toUpperCase(Locale.ROOT) + "-" + (coupons.size() + 1);
                    coupons.add(customerId + ":" + code);
                    return code;
                }
            };
        }

        /** Renders like the real one, except that a welcome for "Broken" loses its links: a real render error. */
        @Bean
        MailRenderer mailRenderer() {
            return new MailRenderer() {
                @Override
                public Rendered render(Flow flow, int step, Locale locale, Map<String, Object> variables) {
                    if (flow == Flow.WELCOME && "Broken".equals(variables.get("name"))) {
                        Map<String, Object> broken = new java.util.HashMap<>(variables);
                        broken.remove("links");
                        return super.render(flow, step, locale, broken);
                    }
                    return super.render(flow, step, locale, variables);
                }
            };
        }

        @Bean
        RelatedProducts relatedProducts() {
            return (customerId, productIds, limit) -> productIds.contains("book-1") ? List.of("book-2") : List.of();
        }
    }

    @Autowired
    RetentionEvents events;
    @Autowired
    Inbox inbox;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;
    @Autowired
    FlowSettingsService flows;
    @Autowired
    SignedLinks links;
    @Autowired
    EngagementTracking tracking;
    @Autowired
    Unsubscribes unsubscribes;
    @Autowired
    EngagementReports reports;
    @Autowired
    PrivacyService privacy;
    @Autowired
    CustomerProfiles profiles;
    @Autowired
    Host host;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseVendor vendor;
    @Autowired
    List<MessagingPort> ports;
    @Autowired
    dev.retention.feedback.Feedback feedback;
    @Autowired
    dev.retention.feedback.FeedbackReports feedbackReports;

    String prefix;
    Instant t0;

    @BeforeEach
    void setUp() {
        prefix = TestDatabase.uniquePrefix();
        // A fresh stretch of business time, 10:00 UTC, far from earlier tests' timers.
        t0 = clock.instant().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        clock.set(t0);
        for (Flow flow : Flow.values()) {
            flows.save(flow, withHoldout(FlowSettings.defaults(flow, 0), 0), "test");
        }
        settle();
    }

    @AfterAll
    static void stop() {
        // GreenMail threads are daemons; the JVM ends them with the test run.
    }

    @Test
    void welcomeGoesOutInTheShoppersLanguageWithSignedLinksAndAStableMessageId() throws IOException {
        String id = prefix + "ana";
        publish(registered(id, "pt-BR", "Europe/Lisbon", true, null));
        settle();

        List<TestSmtp.Received> mail = SMTP.to(email(id));
        assertThat(mail).hasSize(1);
        TestSmtp.Received welcome = mail.get(0);
        assertThat(welcome.subject()).isEqualTo("Boas-vindas, Ana " + id + "!");
        assertThat(welcome.language()).isEqualTo("pt-BR");
        assertThat(welcome.html()).contains("Que bom ter você aqui").contains("Começar a comprar");
        assertThat(welcome.text()).contains("Obrigado por criar sua conta");
        OutboxMessage stored = outbox.ofCustomer(id, 5).get(0);
        assertThat(stored.status()).isEqualTo(MessageStatus.SENT);
        assertThat(welcome.messageId()).isEqualTo("<" + stored.messageId() + ">");
        assertThat(welcome.listUnsubscribe()).startsWith("<https://shop.test/retention/m/u/");

        String click = firstLink(welcome.html(), "/retention/m/c/");
        assertThat(tracking.clicked(token(click))).contains(URI.create("https://shop.test/"));
        assertThat(tracking.clicked(token(click).replace('.', 'x'))).isEmpty();
        String pixel = firstLink(welcome.html(), "/retention/m/o/");
        assertThat(tracking.opened(pixel.substring(pixel.lastIndexOf('/') + 1).replace(".gif", ""))).isTrue();
        assertThat(outbox.find(stored.messageId()).orElseThrow().clickedAt()).isNotNull();

        clock.set(t0.plus(Duration.ofDays(3)));
        settle();
        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject)
                .containsExactly("Boas-vindas, Ana " + id + "!", "Algumas dicas para aproveitar melhor");
        preview("welcome-pt-BR", SMTP.to(email(id)).get(0).html());
    }

    @Test
    void eachLocaleHasItsOwnWording() {
        for (String locale : List.of("en", "ro", "pl")) {
            String id = prefix + "loc-" + locale;
            publish(registered(id, locale, "Europe/Lisbon", true, null));
        }
        settle();
        assertThat(SMTP.to(email(prefix + "loc-en")).get(0).subject()).startsWith("Welcome, ");
        assertThat(SMTP.to(email(prefix + "loc-ro")).get(0).subject()).startsWith("Bine ai venit, ");
        assertThat(SMTP.to(email(prefix + "loc-pl")).get(0).subject()).startsWith("Witaj, ");
        assertThat(SMTP.to(email(prefix + "loc-pl")).get(0).html()).contains("Wypisz się z tych wiadomości");
        preview("welcome", SMTP.to(email(prefix + "loc-en")).get(0).html());
    }

    @Test
    void noMarketingWithoutConsentButTheOrderThankYouStillGoesOut() {
        String id = prefix + "noconsent";
        publish(registered(id, "en", "Europe/Lisbon", false, null));
        publish(order(id, prefix + "o1", t0.plusSeconds(60), "book-1", "books", "39.90"));
        clock.set(t0.plusSeconds(60));
        settle();

        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject)
                .containsExactly("Thanks for your order " + prefix + "o1");
        assertThat(outbox.ofCustomer(id, 10)).filteredOn(m -> m.flow().equals("welcome"))
                .extracting(OutboxMessage::status, OutboxMessage::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageStatus.SUPPRESSED, "no-consent"));
        TestSmtp.Received thanks = SMTP.to(email(id)).get(0);
        assertThat(thanks.html()).contains("The Pragmatic Programmer").contains("Refactoring")
                .contains("You might also like");
        preview("order-thank-you", thanks.html());
    }

    @Test
    void backFilledHistoryOlderThanTheMaxLatenessIsNeverMailed() {
        String id = prefix + "history";
        // An import at t0 + 30 days of what happened at t0: with max-lateness 7d the welcome and the thank-you
        // (due at t0) are history, not news, and nothing reaches the shopper.
        clock.set(t0.plus(Duration.ofDays(30)));
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(order(id, prefix + "old1", t0.plusSeconds(60), "book-1", "books", "39.90"));
        settle();

        assertThat(SMTP.to(email(id))).isEmpty();
        assertThat(outbox.ofCustomer(id, 10)).isEmpty();
    }

    @Test
    void abandonedCartSendsTwoRemindersWithTheCartLinesAndStopsWhenTheOrderIsPlaced() {
        String id = prefix + "cart";
        String other = prefix + "buyer";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(registered(other, "en", "Europe/Lisbon", true, null));
        publish(cart(id, "c-" + id, t0.plusSeconds(10), "book-1", 2));
        publish(cart(other, "c-" + other, t0.plusSeconds(10), "book-1", 1));
        settle();
        clock.set(t0.plus(Duration.ofMinutes(30)));
        publish(order(other, prefix + "o2", t0.plus(Duration.ofMinutes(30)), "book-1", "books", "39.90"));
        settle();

        clock.set(t0.plus(Duration.ofHours(1)).plusSeconds(10));
        settle();
        List<TestSmtp.Received> reminders = SMTP.to(email(id));
        assertThat(reminders).extracting(TestSmtp.Received::subject)
                .containsExactly("Welcome, Ana " + id + "!", "You left something in your cart");
        TestSmtp.Received first = reminders.get(1);
        assertThat(first.html()).contains("The Pragmatic Programmer").contains("Qty 2").contains("79.80 EUR")
                .contains("https://img.shop.test/book-1.jpg").contains("Refactoring");
        assertThat(first.text()).contains("Back to my cart (https://shop.test/retention/m/c/");

        clock.set(t0.plus(Duration.ofHours(24)).plusSeconds(10));
        settle();
        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject)
                .endsWith("Your cart is still waiting");
        assertThat(SMTP.to(email(other))).extracting(TestSmtp.Received::subject)
                .containsExactly("Welcome, Ana " + other + "!", "Thanks for your order " + prefix + "o2");
        preview("abandoned-cart", first.html());
    }

    @Test
    void frequencyCapSuppressesTheFourthMarketingMessageInAWeek() {
        String id = prefix + "capped";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(cart(id, "c-" + id, t0.plusSeconds(10), "book-1", 1));
        publish(view(id, "book-2", t0.plusSeconds(20)));
        settle();
        clock.set(t0.plus(Duration.ofDays(1)).plusSeconds(60));
        settle();

        // welcome + cart 1 + browse reach the cap of 3; cart step 2 (24 h) is capped
        assertThat(SMTP.to(email(id))).hasSize(3);
        assertThat(outbox.ofCustomer(id, 10)).filteredOn(m -> "frequency-cap".equals(m.reason())).hasSize(1);
    }

    @Test
    void quietHoursDeferTheMessageToMorningInTheShoppersZone() {
        String id = prefix + "night";
        // 10:00 UTC is 07:00 in São Paulo: quiet until 08:00 local (11:00 UTC)
        publish(registered(id, "pt-BR", "America/Sao_Paulo", true, null));
        settle();
        assertThat(SMTP.to(email(id))).isEmpty();

        clock.set(t0.plus(Duration.ofMinutes(59)));
        settle();
        assertThat(SMTP.to(email(id))).isEmpty();

        clock.set(t0.plus(Duration.ofHours(1)));
        settle();
        assertThat(SMTP.to(email(id))).hasSize(1);
        assertThat(outbox.ofCustomer(id, 5).get(0).decidedAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
    }

    @Test
    void holdoutCustomersAreNeverSentButRecordedWithTheTimeItWouldHaveGone() {
        flows.save(Flow.WELCOME, withHoldout(FlowSettings.defaults(Flow.WELCOME, 0), 50), "test");
        List<String> held = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int i = 0; held.size() < 2 || sent.size() < 2; i++) {
            String id = prefix + "h" + i;
            (SendingRules.inHoldout(id, "welcome", t0, 50) ? held : sent).add(id);
        }
        for (String id : held) {
            publish(registered(id, "en", "Europe/Lisbon", true, null));
        }
        for (String id : sent) {
            publish(registered(id, "en", "Europe/Lisbon", true, null));
        }
        settle();

        for (String id : held) {
            assertThat(SMTP.to(email(id))).isEmpty();
            OutboxMessage message = outbox.ofCustomer(id, 5).get(0);
            assertThat(message.status()).isEqualTo(MessageStatus.HOLDOUT);
            assertThat(message.decidedAt()).isEqualTo(t0);
        }
        for (String id : sent) {
            assertThat(SMTP.to(email(id))).hasSize(1);
        }
    }

    @Test
    void aCrashBetweenSendingAndCommittingReachesTheShopperOnce() {
        String id = prefix + "crash";
        publish(registered(id, "en", "Europe/Lisbon", false, null));
        publish(order(id, prefix + "o3", t0.plusSeconds(5), "book-1", "books", "39.90"));
        clock.set(t0.plusSeconds(5));
        inbox.drain();
        inbox.processNow();
        Outbox crashing = new Outbox(JdbcClient.create(dataSource), vendor, ports, clock,
                new Outbox.Settings(100, Duration.ofMinutes(5), 6, Duration.ofMinutes(1))) {
            @Override
            protected void markSent(List<Long> ids, Instant at) {
                throw new IllegalStateException("process killed before commit");
            }
        };

        assertThatThrownBy(crashing::deliverRound).hasMessageContaining("killed");
        assertThat(SMTP.to(email(id))).hasSize(1);
        assertThat(outbox.ofCustomer(id, 5).get(0).status()).isEqualTo(MessageStatus.SENDING);

        outbox.deliverDue();
        assertThat(outbox.ofCustomer(id, 5).get(0).status()).isEqualTo(MessageStatus.SENDING);
        clock.set(t0.plus(Duration.ofMinutes(6)));
        outbox.deliverDue();
        assertThat(outbox.ofCustomer(id, 5).get(0).attempts()).isEqualTo(2);
        assertThat(SMTP.to(email(id))).hasSize(1);
        assertThat(outbox.ofCustomer(id, 5).get(0).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void oneClickUnsubscribeStopsThatFlowAndAllMarketingStopsEveryMarketingFlow() {
        String id = prefix + "unsub";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        settle();
        TestSmtp.Received welcome = SMTP.to(email(id)).get(0);
        String token = token(welcome.listUnsubscribe().replace("<", "").replace(">", ""));
        assertThat(tracking.unsubscribe(token)).get().extracting(EngagementTracking.UnsubscribeRequest::flow)
                .isEqualTo("welcome");
        assertThat(unsubscribes.isUnsubscribed(id, Flow.WELCOME, "email")).isTrue();
        assertThat(unsubscribes.isUnsubscribed(id, Flow.ABANDONED_CART, "email")).isFalse();
        unsubscribes.unsubscribe(id, Unsubscribes.ALL_MARKETING, "email", t0);

        publish(cart(id, "c-" + id, t0.plusSeconds(10), "book-1", 1));
        publish(order(id, prefix + "o4", t0.plus(Duration.ofHours(2)), "book-1", "books", "39.90"));
        clock.set(t0.plus(Duration.ofDays(3)).plusSeconds(60));
        settle();
        // cart reminder and welcome step 2 are marketing: stopped; the thank-you is transactional: sent
        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject)
                .containsExactly("Welcome, Ana " + id + "!", "Thanks for your order " + prefix + "o4");
        assertThat(outbox.ofCustomer(id, 10)).filteredOn(m -> "unsubscribed".equals(m.reason())).hasSize(2);

        unsubscribes.unsubscribe(id, "order-thank-you", "email", t0);
        publish(order(id, prefix + "o5", t0.plus(Duration.ofDays(3)).plusSeconds(120), "book-1", "books", "39.90"));
        clock.set(t0.plus(Duration.ofDays(3)).plusSeconds(120));
        settle();
        assertThat(outbox.ofCustomer(id, 10)).filteredOn(m -> m.flow().equals("order-thank-you"))
                .extracting(OutboxMessage::status).containsExactlyInAnyOrder(MessageStatus.SENT,
                        MessageStatus.SUPPRESSED);
        assertThat(SMTP.to(email(id))).hasSize(2);
        assertThat(links.verify(token, "c")).isEmpty();
    }

    @Test
    void anErasedCustomerIsNeverMessaged() {
        String id = prefix + "erased";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(cart(id, "c-" + id, t0.plusSeconds(10), "book-1", 1));
        inbox.drain();
        privacy.erase(id, "test", t0.plusSeconds(20));
        outbox.deliverDue();
        clock.set(t0.plus(Duration.ofHours(2)));
        settle();

        assertThat(SMTP.to(email(id))).isEmpty();
        assertThat(outbox.ofCustomer(id, 10)).extracting(OutboxMessage::reason).containsOnly("erased");
        assertThat(outbox.ofCustomer(id, 10)).extracting(OutboxMessage::recipient).containsOnlyNulls();
    }

    @Test
    void aTemplateThatFailsToRenderParksTheMessageWithTheError() {
        assertThatThrownBy(() -> new MailRenderer().render(Flow.WELCOME, 1, Locale.ENGLISH, Map.of()))
                .isInstanceOf(org.thymeleaf.exceptions.TemplateProcessingException.class);
        String id = prefix + "broken";
        publish(new CustomerRegistered(id + "-registered", t0, id, email(id), "Broken", Locale.ENGLISH,
                ZoneId.of("Europe/Lisbon"), null, true, "organic", null));
        publish(order(id, prefix + "p1", t0.plusSeconds(30), "book-1", "books", "39.90"));
        clock.set(t0.plusSeconds(30));
        settle();

        OutboxMessage parked = outbox.ofCustomer(id, 5).stream().filter(m -> m.flow().equals("welcome"))
                .findFirst().orElseThrow();
        assertThat(parked.status()).isEqualTo(MessageStatus.PARKED);
        assertThat(parked.reason()).contains("links");
        assertThat(outbox.withStatus(MessageStatus.PARKED, 100)).extracting(OutboxMessage::messageId)
                .contains(parked.messageId());
        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject)
                .containsExactly("Thanks for your order " + prefix + "p1");
    }

    @Test
    void winBackComesWhenTheShopperPassesTheirOwnIntervalWithTheirFavouritesAndACoupon() {
        String id = prefix + "lapsed";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(order(id, prefix + "w1", t0.plusSeconds(60), "tea-1", "tea", "8.50"));
        publish(order(id, prefix + "w2", t0.plus(Duration.ofDays(20)), "tea-1", "tea", "8.50"));
        publish(order(id, prefix + "w3", t0.plus(Duration.ofDays(40)), "book-1", "books", "39.90"));
        clock.set(t0.plus(Duration.ofDays(40)).plusSeconds(60));
        settle();
        int before = SMTP.to(email(id)).size();

        // usual interval 20 days x 1.5 = 30 days after the last order
        clock.set(t0.plus(Duration.ofDays(69)));
        settle();
        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject).doesNotContain("We miss you, Ana " + id);
        clock.set(t0.plus(Duration.ofDays(70)).plusSeconds(60));
        settle();
        List<TestSmtp.Received> mail = SMTP.to(email(id));
        TestSmtp.Received winBack = mail.stream().filter(m -> m.subject().startsWith("We miss you")).findFirst()
                .orElseThrow();
        assertThat(mail.size()).isGreaterThan(before);
        assertThat(winBack.html()).contains("10% off").contains("WIN-BACK-").contains("Sencha green tea 100 g");
        assertThat(host.coupons).anyMatch(c -> c.startsWith(id + ":WIN-BACK-"));
        preview("win-back", winBack.html());
    }

    @Test
    void replenishmentReminderComesThreeDaysBeforeAConsumableRunsOut() {
        String id = prefix + "tea";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(order(id, prefix + "r1", t0.plusSeconds(60), "tea-1", "tea", "8.50"));
        clock.set(t0.plus(Duration.ofDays(26)));
        settle();
        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject).noneMatch(s -> s.contains("restock"));
        clock.set(t0.plus(Duration.ofDays(27)).plusSeconds(120));
        settle();
        TestSmtp.Received reminder = SMTP.to(email(id)).stream().filter(m -> m.subject().contains("restock"))
                .findFirst().orElseThrow();
        assertThat(reminder.subject()).isEqualTo("Time to restock Sencha green tea 100 g?");
        preview("replenishment", reminder.html());
    }

    @Test
    void backInStockAndNewArrivalsReachCustomersWhoBuyInThatCategory() {
        String reader = prefix + "reader";
        String tea = prefix + "teaonly";
        publish(registered(reader, "en", "Europe/Lisbon", true, null));
        publish(registered(tea, "en", "Europe/Lisbon", true, null));
        publish(order(reader, prefix + "b1", t0.plusSeconds(60), "book-1", "books", "39.90"));
        publish(order(tea, prefix + "b2", t0.plusSeconds(60), "tea-1", "tea", "8.50"));
        settle();
        clock.set(t0.plus(Duration.ofDays(2)));
        host.put(Host.product("book-new", "Domain-Driven Design", "52.00", "books", true, 0));
        publish(new ProductRestocked(prefix + "restock", t0.plus(Duration.ofDays(2)), "book-new", 10));
        publish(new dev.retention.host.ProductPublished(prefix + "publish", t0.plus(Duration.ofDays(2)), "book-2",
                "books"));
        settle();

        assertThat(SMTP.to(email(reader))).extracting(TestSmtp.Received::subject)
                .contains("Back in stock: Domain-Driven Design", "New in: Refactoring");
        assertThat(SMTP.to(email(tea))).extracting(TestSmtp.Received::subject)
                .noneMatch(s -> s.startsWith("Back in stock") || s.startsWith("New in"));
        preview("back-in-stock", SMTP.to(email(reader)).stream()
                .filter(m -> m.subject().startsWith("Back in stock")).findFirst().orElseThrow().html());
        preview("new-arrivals", SMTP.to(email(reader)).stream()
                .filter(m -> m.subject().startsWith("New in")).findFirst().orElseThrow().html());
    }

    @Test
    void reviewRequestComesSevenDaysAfterDeliveryAndBrowseAbandonmentAfterFourHours() {
        String id = prefix + "review";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(order(id, prefix + "v1", t0.plusSeconds(60), "book-1", "books", "39.90"));
        publish(view(id, "tea-1", t0.plusSeconds(120)));
        publish(new OrderCompleted(prefix + "v1-completed", t0.plus(Duration.ofDays(2)), id, prefix + "v1"));
        clock.set(t0.plus(Duration.ofHours(4)).plusSeconds(180));
        settle();
        assertThat(SMTP.to(email(id))).extracting(TestSmtp.Received::subject)
                .contains("Still thinking about Sencha green tea 100 g?");
        clock.set(t0.plus(Duration.ofDays(9)).plusSeconds(60));
        settle();

        TestSmtp.Received review = SMTP.to(email(id)).stream().filter(m -> m.subject().startsWith("How was"))
                .findFirst().orElseThrow();
        assertThat(review.subject()).isEqualTo("How was your order " + prefix + "v1?");
        assertThat(review.html()).contains("Write a review").contains("The Pragmatic Programmer");
        preview("review-request", review.html());
        preview("browse-abandonment", SMTP.to(email(id)).stream().filter(m -> m.subject().startsWith("Still"))
                .findFirst().orElseThrow().html());
    }

    @Test
    void npsAnswersFromTheReviewEmailAlertOnDetractorsAndFollowUpPromoters() {
        String unhappy = prefix + "unhappy";
        String fan = prefix + "fan";
        for (String id : List.of(unhappy, fan)) {
            publish(registered(id, "en", "Europe/Lisbon", true, null));
            publish(order(id, prefix + "n-" + id, t0.plusSeconds(60), "book-1", "books", "39.90"));
            publish(new OrderCompleted(prefix + "n-" + id + "-completed", t0.plus(Duration.ofDays(1)), id,
                    prefix + "n-" + id));
        }
        clock.set(t0.plus(Duration.ofDays(8)).plusSeconds(60));
        settle();
        var before = feedbackReports.summary(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(30)));

        String detractorLink = npsLink(unhappy, 3);
        String promoterLink = npsLink(fan, 10);
        assertThat(detractorLink).startsWith("https://shop.test/feedback?token=").endsWith("&score=3");
        String detractorToken = query(detractorLink, "token");
        assertThat(feedback.invitation(detractorToken).orderId()).isEqualTo(prefix + "n-" + unhappy);
        assertThatThrownBy(() -> feedback.answer(detractorToken, 11, null, null, null))
                .hasMessageContaining("score");
        feedback.answer(detractorToken, 3, 2, "delivery", "The parcel arrived late and damaged.");
        assertThatThrownBy(() -> feedback.answer(detractorToken, 9, null, null, null))
                .isInstanceOf(dev.retention.support.Problems.FieldException.class)
                .hasMessageContaining("already answered");
        feedback.answer(query(promoterLink, "token"), 10, 5, "quality", "Great books, fast shipping");
        settle();

        TestSmtp.Received alert = SMTP.to("ops@shop.test").stream()
                .filter(m -> m.subject().contains(unhappy)).findFirst().orElseThrow();
        assertThat(alert.subject()).isEqualTo("Detractor alert: NPS 3 from customer " + unhappy);
        assertThat(alert.html()).contains("The parcel arrived late and damaged.").contains(prefix + "n-" + unhappy);
        assertThat(feedback.alerts("OPEN", 500)).extracting(dev.retention.feedback.FeedbackAnswer::customerId)
                .contains(unhappy).doesNotContain(fan);

        clock.set(t0.plus(Duration.ofDays(9)).plusSeconds(120));
        settle();
        assertThat(SMTP.to(email(fan))).extracting(TestSmtp.Received::subject)
                .contains("Thanks for recommending us, Ana " + fan);
        assertThat(SMTP.to(email(unhappy))).extracting(TestSmtp.Received::subject)
                .noneMatch(s -> s.startsWith("Thanks for recommending"));

        var after = feedbackReports.summary(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(30)));
        assertThat(after.promoters() - before.promoters()).isEqualTo(1);
        assertThat(after.detractors() - before.detractors()).isEqualTo(1);
        assertThat(after.distribution()[3] - before.distribution()[3]).isEqualTo(1);
        assertThat(feedbackReports.comments(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(30)), 500))
                .extracting(dev.retention.feedback.FeedbackAnswer::comment)
                .contains("The parcel arrived late and damaged.", "Great books, fast shipping");
        preview("referral-invitation", SMTP.to(email(fan)).stream()
                .filter(m -> m.subject().startsWith("Thanks for recommending")).findFirst().orElseThrow().html());
        preview("detractor-alert", alert.html());

        privacy.erase(unhappy, "test", clock.instant());
        assertThat(feedbackReports.comments(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(30)), 500))
                .extracting(dev.retention.feedback.FeedbackAnswer::comment)
                .doesNotContain("The parcel arrived late and damaged.");
        assertThat(feedbackReports.summary(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(30))).detractors())
                .isEqualTo(after.detractors());
    }

    private String npsLink(String id, int score) {
        TestSmtp.Received review = SMTP.to(email(id)).stream().filter(m -> m.subject().startsWith("How was"))
                .findFirst().orElseThrow();
        Matcher matcher = Pattern.compile("href=\"https://shop\\.test/retention/m/c/([^\"]+)\"[^>]*>" + score + "<")
                .matcher(review.html());
        assertThat(matcher.find()).as("score link %s in %s", score, review.html()).isTrue();
        return tracking.clicked(matcher.group(1)).orElseThrow().toString();
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    @Test
    void birthdayGreetingArrivesOnTheDayWithACouponAndRepeatsNextYear() {
        String id = prefix + "bday";
        LocalDate birthday = t0.atZone(ZoneId.of("Europe/Warsaw")).toLocalDate().plusDays(5).withYear(1990);
        publish(registered(id, "en", "Europe/Warsaw", true, birthday));
        clock.set(t0.plus(Duration.ofDays(6)));
        settle();
        TestSmtp.Received greeting = SMTP.to(email(id)).stream().filter(m -> m.subject().startsWith("Happy birthday"))
                .findFirst().orElseThrow();
        assertThat(greeting.html()).contains("10% off with the code BIRTHDAY-");
        clock.set(t0.plus(Duration.ofDays(372)));
        settle();
        assertThat(SMTP.to(email(id))).filteredOn(m -> m.subject().startsWith("Happy birthday")).hasSize(2);
        preview("birthday", greeting.html());
    }

    @Test
    void anOrderIsAttributedToTheLastClickedMessageAndTheReportShowsIt() {
        List<EngagementReports.CampaignRow> before = reports.campaigns(t0.minus(Duration.ofDays(1)),
                t0.plus(Duration.ofDays(10)));
        String id = prefix + "convert";
        publish(registered(id, "en", "Europe/Lisbon", true, null));
        publish(cart(id, "c-" + id, t0.plusSeconds(10), "book-1", 1));
        clock.set(t0.plus(Duration.ofHours(1)).plusSeconds(20));
        settle();
        TestSmtp.Received reminder = SMTP.to(email(id)).get(1);
        tracking.clicked(token(firstLink(reminder.html(), "/retention/m/c/")));
        publish(order(id, prefix + "c1", t0.plus(Duration.ofHours(2)), "book-1", "books", "39.90"));
        clock.set(t0.plus(Duration.ofHours(2)).plusSeconds(10));
        settle();

        EngagementReports.CampaignRow cart = row(reports.campaigns(t0.minus(Duration.ofDays(1)),
                t0.plus(Duration.ofDays(10))), "abandoned-cart");
        EngagementReports.CampaignRow cartBefore = row(before, "abandoned-cart");
        assertThat(cart.clicked() - cartBefore.clicked()).isEqualTo(1);
        assertThat(cart.converted() - cartBefore.converted()).isEqualTo(1);
        assertThat(cart.revenue().subtract(cartBefore.revenue())).isEqualByComparingTo("39.90");
    }

    // ------------------------------------------------------------------ helpers

    private static EngagementReports.CampaignRow row(List<EngagementReports.CampaignRow> rows, String flow) {
        return rows.stream().filter(r -> r.flow().equals(flow)).findFirst()
                .orElse(new EngagementReports.CampaignRow(flow, "A", 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0,
                        null, null, null));
    }

    private static FlowSettings withHoldout(FlowSettings s, int holdout) {
        return new FlowSettings(s.enabled(), s.delays(), holdout, s.couponPercent(), s.couponValidDays(),
                s.intervalFactor());
    }

    private void settle() {
        inbox.drain();
        inbox.processNow();
        outbox.deliverDue();
    }

    private void publish(dev.retention.host.RetentionEvent event) {
        events.publish(event);
    }

    private static String email(String id) {
        return id + "@mail.test";
    }

    private CustomerRegistered registered(String id, String locale, String zone, boolean consent,
            LocalDate birthday) {
        return new CustomerRegistered(id + "-registered", t0, id, email(id),
                "Ana " + id, Locale.forLanguageTag(locale), ZoneId.of(zone), birthday, consent, "organic", null);
    }

    private CartUpdated cart(String id, String cartId, Instant at, String productId, int quantity) {
        BigDecimal price = host.products.get(productId).price();
        return new CartUpdated(cartId + "-" + at.toEpochMilli(), at, id, "s-" + id, cartId,
                List.of(new CartLine(productId, null, quantity, price)),
                price.multiply(BigDecimal.valueOf(quantity)), "EUR");
    }

    private static ProductViewed view(String id, String productId, Instant at) {
        return new ProductViewed(id + "-view-" + productId + at.toEpochMilli(), at, id, "s-" + id, productId);
    }

    private static OrderPlaced order(String id, String orderId, Instant at, String productId, String category,
            String amount) {
        BigDecimal value = new BigDecimal(amount);
        OrderTotals totals = new OrderTotals(value, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, value);
        return new OrderPlaced(orderId + "-placed", at, id, orderId, "checkout-" + orderId,
                List.of(new OrderLine(productId, null, category, 1, value, BigDecimal.ZERO)), "EUR", totals, "EUR",
                totals, 0, null, null, List.of(), "web");
    }

    private static String firstLink(String html, String path) {
        Matcher matcher = Pattern.compile("(?:href|src)=\"(https://shop\\.test" + Pattern.quote(path) + "[^\"]+)\"")
                .matcher(html);
        assertThat(matcher.find()).as("a link to %s in %s", path, html).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void preview(String name, String html) {
        try {
            Files.createDirectories(PREVIEWS);
            Files.writeString(PREVIEWS.resolve(name + ".html"), html);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
