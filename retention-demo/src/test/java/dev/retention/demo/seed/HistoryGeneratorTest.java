package dev.retention.demo.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.demo.customer.Customer;
import dev.retention.demo.order.OrderState;
import dev.retention.demo.order.ShopOrder;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.ProductViewed;
import dev.retention.host.RetentionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-23T10:00:00Z");
    private static SeedHistory history;

    @BeforeAll
    static void generateDefaultHistory() {
        history = new HistoryGenerator(42, 2000, ANCHOR, "{noop}demo").generate();
    }

    @Test
    void defaultSizeGivesTwoThousandCustomersAndTwentyThousandOrdersWithinTwoYears() {
        assertThat(history.customers()).hasSize(2000);
        assertThat(history.orders()).hasSizeGreaterThanOrEqualTo(20_000);
        assertThat(history.products()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(history.categories()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(history.events()).allSatisfy(e -> assertThat(e.occurredAt())
                .isBefore(ANCHOR).isAfter(ANCHOR.minus(Duration.ofDays(731 + 200))));
    }

    @Test
    void sameSeedAndAnchorGiveTheSameEvents() {
        SeedHistory again = new HistoryGenerator(42, 300, ANCHOR, "{noop}x").generate();
        SeedHistory once = new HistoryGenerator(42, 300, ANCHOR, "{noop}y").generate();

        assertThat(again.events()).isEqualTo(once.events());
        assertThat(new HistoryGenerator(43, 300, ANCHOR, "{noop}y").generate().events()).isNotEqualTo(once.events());
    }

    @Test
    void eventsAreInBusinessTimeOrderWithUniqueIdsDerivedFromShopIds() {
        List<RetentionEvent> events = history.events();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).occurredAt()).isAfterOrEqualTo(events.get(i - 1).occurredAt());
        }
        Set<String> ids = new HashSet<>();
        for (RetentionEvent e : events) {
            assertThat(ids.add(e.eventId())).as(e.eventId()).isTrue();
        }
        assertThat(ids).contains("order-1000-placed", "customer-1-registered", "view-1");
    }

    @Test
    void customersRepeatAtTheirOwnRateAndMostStopBeforeTheEnd() {
        Map<Long, Long> ordersPerCustomer = history.orders().stream()
                .collect(Collectors.groupingBy(ShopOrder::customerId, Collectors.counting()));
        long repeaters = ordersPerCustomer.values().stream().filter(n -> n >= 2).count();
        long oneTimers = ordersPerCustomer.values().stream().filter(n -> n == 1).count();
        assertThat(repeaters).isGreaterThan(ordersPerCustomer.size() / 2);
        assertThat(oneTimers).isGreaterThan(50);
        Instant recent = ANCHOR.minus(Duration.ofDays(90));
        long activeRecently = history.orders().stream().filter(o -> o.placedAt().isAfter(recent))
                .map(ShopOrder::customerId).distinct().count();
        assertThat(activeRecently).isLessThan(ordersPerCustomer.size() * 3 / 4);
    }

    @Test
    void aliceIsASeededShopperWithARichHistory() {
        Customer alice = history.customers().get(0);
        assertThat(alice.email()).isEqualTo("alice@example.com");
        assertThat(history.orders().stream().filter(o -> o.customerId() == alice.id()).count()).isGreaterThan(30);
    }

    @Test
    void historyHasRefundsPartialAndFullCancellationsReviewsReferralsAndGuestViews() {
        Map<OrderState, Long> states = history.orders().stream()
                .collect(Collectors.groupingBy(ShopOrder::status, Collectors.counting()));
        assertThat(states).containsKeys(OrderState.DELIVERED, OrderState.CANCELLED, OrderState.REFUNDED,
                OrderState.PARTIALLY_REFUNDED, OrderState.PLACED);
        assertThat(history.reviews()).hasSizeGreaterThan(500);
        assertThat(history.coupons()).isNotEmpty();
        List<CustomerRegistered> registrations = history.events().stream()
                .filter(CustomerRegistered.class::isInstance).map(CustomerRegistered.class::cast).toList();
        assertThat(registrations.stream().filter(r -> r.referralCode() != null).count()).isGreaterThan(100);
        assertThat(registrations.stream().map(r -> r.locale().toLanguageTag()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("en", "pt-BR", "ro", "pl");
        assertThat(registrations.stream().map(CustomerRegistered::acquisitionChannel).distinct().count())
                .isGreaterThanOrEqualTo(5);
        assertThat(registrations.stream().filter(CustomerRegistered::marketingConsent).count())
                .isBetween(1000L, 1600L);
        assertThat(history.events().stream().filter(ProductViewed.class::isInstance).map(ProductViewed.class::cast)
                .anyMatch(v -> v.customerId() == null)).isTrue();
        assertThat(history.carts().stream().filter(c -> c.status().equals("OPEN")).count()).isGreaterThan(1000);
    }

    @Test
    void consumablesAreBoughtAgainByTheSameCustomer() {
        Map<Long, Boolean> consumable = history.products().stream()
                .collect(Collectors.toMap(p -> p.id(), p -> p.repurchasable()));
        Map<String, Long> repeatPurchases = history.orders().stream()
                .flatMap(o -> o.lines().stream().filter(l -> consumable.get(l.productId()))
                        .map(l -> o.customerId() + ":" + l.productId()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(repeatPurchases.values().stream().filter(n -> n >= 3).count()).isGreaterThan(500);
    }
}
