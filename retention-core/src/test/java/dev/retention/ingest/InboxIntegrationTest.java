package dev.retention.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.customer.OrderHistory;
import dev.retention.customer.OrderStatus;
import dev.retention.host.InvalidEventException;
import dev.retention.host.OrderLine;
import dev.retention.host.RetentionEvent;
import dev.retention.host.ReviewSubmitted;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Tag("db")
@SpringBootTest(classes = {CoreTestApplication.class, InboxIntegrationTest.Handlers.class},
        properties = "retention.inbox.worker=false")
class InboxIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "inbox");
    }

    /** A handler that records what it saw and fails for reviews of product "poison". */
    static class RecordingHandler implements RetentionEventHandler {
        final List<RetentionEvent> seen = new CopyOnWriteArrayList<>();

        @Override
        public boolean handles(Class<? extends RetentionEvent> type) {
            return true;
        }

        @Override
        public void handle(RetentionEvent event) {
            if (event instanceof ReviewSubmitted review && review.productId().startsWith("poison")) {
                throw new IllegalStateException("cannot handle " + review.productId());
            }
            seen.add(event);
            TIMELINE.add("event:" + event.eventId());
        }
    }

    /** Business-time order of handled events and fired timers, across handlers. */
    static final List<String> TIMELINE = new CopyOnWriteArrayList<>();

    /** Schedules a reminder one hour after every order whose id ends in "-sched", as a feature's flow would. */
    static class SchedulingHandler implements RetentionEventHandler {
        private final org.springframework.beans.factory.ObjectProvider<Timers> timers;

        SchedulingHandler(org.springframework.beans.factory.ObjectProvider<Timers> timers) {
            this.timers = timers;
        }

        @Override
        public boolean handles(Class<? extends RetentionEvent> type) {
            return type == dev.retention.host.OrderPlaced.class;
        }

        @Override
        public void handle(RetentionEvent event) {
            dev.retention.host.OrderPlaced order = (dev.retention.host.OrderPlaced) event;
            if (order.orderId().endsWith("-sched")) {
                timers.getObject().schedule("test.reminder", order.orderId(), order.occurredAt().plusSeconds(3600),
                        null);
            }
        }
    }

    /** A timer handler that records the business time it fired at, relative to the events around it. */
    static class RecordingTimers implements TimerHandler {
        final List<String> fired = new CopyOnWriteArrayList<>();

        @Override
        public String kind() {
            return "test.reminder";
        }

        @Override
        public void fire(Timer timer) {
            fired.add(timer.key() + "@" + timer.dueAt());
            TIMELINE.add("timer:" + timer.key());
        }
    }

    @TestConfiguration
    static class Handlers {
        @Bean
        RecordingHandler recordingHandler() {
            return new RecordingHandler();
        }

        @Bean
        SchedulingHandler schedulingHandler(org.springframework.beans.factory.ObjectProvider<Timers> timers) {
            return new SchedulingHandler(timers);
        }

        @Bean
        RecordingTimers recordingTimers() {
            return new RecordingTimers();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    RetentionEvents events;
    @Autowired
    Inbox inbox;
    @Autowired
    Timers timers;
    @Autowired
    RecordingHandler handler;
    @Autowired
    RecordingTimers timerHandler;
    @Autowired
    OrderHistory orders;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    String id;
    Instant t0;

    @BeforeEach
    void setUp() {
        id = TestDatabase.uniquePrefix();
        inbox.drain();
        handler.seen.clear();
        timerHandler.fired.clear();
        t0 = clock.instant().minus(Duration.ofDays(30));
    }

    @Test
    void publishedEventIsStoredThenProcessedOnce() {
        assertThat(events.publish(Events.placed(id + "c1", id + "o1", "40.00", t0))).isEqualTo(PublishResult.ACCEPTED);
        assertThat(inbox.find(id + "o1-placed")).get().extracting(InboxEntry::status).isEqualTo(InboxStatus.PENDING);

        assertThat(inbox.drain()).isEqualTo(1);

        assertThat(inbox.find(id + "o1-placed")).get().extracting(InboxEntry::status)
                .isEqualTo(InboxStatus.PROCESSED);
        assertThat(orders.find(id + "o1")).get().satisfies(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
            assertThat(order.netMerchandise()).isEqualByComparingTo("40.00");
            assertThat(order.placedAt()).isEqualTo(t0);
        });
    }

    @Test
    void duplicateEventIdIsACountedNoOp() {
        double before = meters.counter("retention.events.duplicates").count();
        events.publish(Events.placed(id + "c1", id + "o1", "40.00", t0));
        inbox.drain();

        assertThat(events.publish(Events.placed(id + "c1", id + "o1", "99.00", t0)))
                .isEqualTo(PublishResult.DUPLICATE);
        assertThat(inbox.drain()).isZero();

        assertThat(meters.counter("retention.events.duplicates").count()).isEqualTo(before + 1);
        assertThat(handler.seen).hasSize(1);
        assertThat(orders.find(id + "o1")).get().extracting(o -> o.netMerchandise().toPlainString())
                .isEqualTo("40.0000");
    }

    @Test
    void failingHandlerNeverThrowsIntoThePublisherAndIsRetriedThenParked() {
        ReviewSubmitted poison = new ReviewSubmitted(id + "review", t0, id + "c1", id + "r1", "poison-" + id, 5, true);

        assertThat(events.publish(poison)).isEqualTo(PublishResult.ACCEPTED);
        inbox.drain();

        InboxEntry first = inbox.find(poison.eventId()).orElseThrow();
        assertThat(first.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("cannot handle poison-" + id);
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));

        for (int attempt = 2; attempt <= 8; attempt++) {
            clock.advance(Duration.ofMinutes(11));
            inbox.drain();
        }

        InboxEntry parked = inbox.find(poison.eventId()).orElseThrow();
        assertThat(parked.status()).isEqualTo(InboxStatus.PARKED);
        assertThat(parked.attempts()).isEqualTo(8);
        assertThat(inbox.list(InboxStatus.PARKED, 0, 100)).extracting(InboxEntry::eventId)
                .contains(poison.eventId());
        assertThat(meters.counter("retention.events.parked").count()).isGreaterThanOrEqualTo(1);

        assertThat(inbox.retry(poison.eventId(), "admin")).isTrue();
        assertThat(inbox.find(poison.eventId())).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(InboxStatus.PENDING);
            assertThat(e.attempts()).isZero();
        });
        assertThat(inbox.retry(poison.eventId(), "admin")).as("only parked events can be retried").isFalse();
    }

    @Test
    void oneFailingEventDoesNotHoldUpTheOthersInItsBatch() {
        List<RetentionEvent> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(Events.placed(id + "c" + i, id + "o" + i, "10.00", t0.plusSeconds(i)));
        }
        batch.add(2, new ReviewSubmitted(id + "rv", t0.plusSeconds(2), id + "c9", id + "r9", "poison-x", 1, true));

        events.publishAll(batch);
        inbox.drain();

        for (int i = 0; i < 5; i++) {
            assertThat(inbox.find(id + "o" + i + "-placed")).get().extracting(InboxEntry::status)
                    .isEqualTo(InboxStatus.PROCESSED);
            assertThat(orders.find(id + "o" + i)).isPresent();
        }
        assertThat(inbox.find(id + "rv")).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(InboxStatus.PENDING);
            assertThat(e.attempts()).isEqualTo(1);
        });
    }

    @Test
    void refundBeforeItsOrderWaitsForTheOrderThenApplies() {
        events.publish(Events.refunded(id + "c1", id + "o1", id + "rf1", "15.00", t0.plus(Duration.ofDays(3))));
        inbox.drain();

        InboxEntry waiting = inbox.find(id + "rf1-refunded").orElseThrow();
        assertThat(waiting.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(waiting.attempts()).as("waiting is not a failure").isZero();
        assertThat(waiting.lastError()).contains("not placed yet");

        events.publish(Events.placed(id + "c1", id + "o1", "40.00", t0));
        inbox.drain();
        clock.advance(Duration.ofSeconds(6));
        inbox.drain();

        assertThat(inbox.find(id + "rf1-refunded")).get().extracting(InboxEntry::status)
                .isEqualTo(InboxStatus.PROCESSED);
        assertThat(orders.find(id + "o1")).get().satisfies(o -> {
            assertThat(o.refunded()).isEqualByComparingTo("15.00");
            assertThat(o.countedRevenue()).isEqualByComparingTo("25.00");
        });
    }

    @Test
    void eventWhosePredecessorNeverArrivesIsParkedAfterTheTimeout() {
        events.publish(Events.completed(id + "c1", id + "ghost", t0));
        inbox.drain();
        clock.advance(Duration.ofHours(25));
        inbox.drain();

        assertThat(inbox.find(id + "ghost-completed")).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(InboxStatus.PARKED);
            assertThat(e.lastError()).contains("Predecessor never arrived");
        });
    }

    @Test
    void timersFireInBusinessTimeBeforeLaterEventsWhenHistoryIsReplayed() {
        Instant due = t0.plus(Duration.ofDays(2));
        timers.schedule("test.reminder", id + "r", due, null);
        events.publishAll(List.of(
                Events.placed(id + "c1", id + "o1", "10.00", t0.plus(Duration.ofDays(1))),
                Events.placed(id + "c1", id + "o2", "10.00", t0.plus(Duration.ofDays(3)))));

        List<String> order = new ArrayList<>();
        handler.seen.clear();
        inbox.drain();
        for (RetentionEvent seen : handler.seen) {
            if (seen.eventId().startsWith(id)) {
                order.add(seen.eventId());
            }
        }

        assertThat(timerHandler.fired).containsExactly(id + "r@" + due);
        assertThat(order).containsExactly(id + "o1-placed", id + "o2-placed");
        Instant firedAt = jdbc.sql("SELECT fired_at FROM rtn_timer WHERE timer_key = ?").param(id + "r")
                .query((rs, n) -> dev.retention.support.UtcTime.read(rs, "fired_at")).single();
        assertThat(firedAt).as("fired at business time, not wall time").isEqualTo(due);
    }

    @Test
    void aTimerScheduledByAnEventFiresBeforeTheNextEventOfTheSameBatch() {
        events.publishAll(List.of(
                Events.placed(id + "c2", id + "o1-sched", "10.00", t0.plus(Duration.ofDays(1))),
                Events.placed(id + "c2", id + "o2", "10.00", t0.plus(Duration.ofDays(1)).plusSeconds(7200)),
                Events.placed(id + "c2", id + "o3", "10.00", t0.plus(Duration.ofDays(1)).plusSeconds(7300))));

        inbox.drain();

        assertThat(TIMELINE.stream().filter(entry -> entry.contains(id)).toList()).containsExactly(
                "event:" + id + "o1-sched-placed", "timer:" + id + "o1-sched", "event:" + id + "o2-placed",
                "event:" + id + "o3-placed");
    }

    @Test
    void schedulingTheSameTimerAgainMovesItInsteadOfAddingOne() {
        timers.schedule("test.reminder", id + "m", clock.instant().plus(Duration.ofDays(5)), null);
        timers.schedule("test.reminder", id + "m", clock.instant().plus(Duration.ofDays(1)), "moved");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_timer WHERE timer_key = ?").param(id + "m")
                .query(Long.class).single()).isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        inbox.drain();
        assertThat(timerHandler.fired).hasSize(1);
        clock.advance(Duration.ofDays(-2));
    }

    @Test
    void springApplicationEventsReachTheInbox() {
        publisher.publishEvent(Events.placed(id + "c1", id + "o1", "10.00", t0));

        assertThat(inbox.find(id + "o1-placed")).isPresent();
    }

    @Test
    void invalidEventIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> events.publish(Events.placed(id + "c1", id + "o1", "-1.00", t0)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("subtotal: must not be negative");
        assertThatThrownBy(() -> new OrderLine("p", null, "c", -2, BigDecimal.ONE, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("quantity");

        assertThat(inbox.find(id + "o1-placed")).isEmpty();
    }

    @Test
    void processingIsMeasured() {
        double before = meters.counter("retention.events.processed").count();
        events.publish(Events.placed(id + "c1", id + "o1", "10.00", t0));
        inbox.drain();

        assertThat(meters.counter("retention.events.processed").count()).isEqualTo(before + 1);
        assertThat(meters.counter("retention.events.received", "type", "OrderPlaced").count()).isPositive();
        assertThat(meters.timer("retention.events.processing").count()).isPositive();
    }
}
