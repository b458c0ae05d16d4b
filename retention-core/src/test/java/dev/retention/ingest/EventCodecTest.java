package dev.retention.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.host.CartLine;
import dev.retention.host.CartUpdated;
import dev.retention.host.CheckoutStarted;
import dev.retention.host.ConsentChanged;
import dev.retention.host.CustomerErased;
import dev.retention.host.CustomerRegistered;
import dev.retention.host.CustomerUpdated;
import dev.retention.host.OrderCancelled;
import dev.retention.host.ProductPublished;
import dev.retention.host.ProductRestocked;
import dev.retention.host.ProductViewed;
import dev.retention.host.RetentionEvent;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.internal.EventCodec;
import dev.retention.testing.Events;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant AT = Instant.parse("2026-02-03T04:05:06.123456Z");
    private final EventCodec codec = new EventCodec();

    @Test
    void everyEventTypeSurvivesTheInboxUnchanged() {
        List<RetentionEvent> events = List.of(
                new CustomerRegistered("e1", AT, "c1", "ana@example.com", "Ana", Locale.forLanguageTag("pt-BR"),
                        ZoneId.of("America/Sao_Paulo"), LocalDate.of(1990, 5, 17), true, "referral", "ANA-42"),
                new CustomerUpdated("e2", AT, "c1", "ana@example.org", "Ana S", Locale.forLanguageTag("ro"),
                        ZoneId.of("Europe/Bucharest"), null),
                new ConsentChanged("e3", AT, "c1", "email", false),
                new CustomerErased("e4", AT, "c1"),
                Events.placed("c1", "o1", "12.34", AT),
                Events.completed("c1", "o1", AT),
                new OrderCancelled("e5", AT, "c1", "o1", "changed mind"),
                Events.refunded("c1", "o1", "r1", "2.00", AT),
                new CartUpdated("e6", AT, null, "s1", "cart1", List.of(new CartLine("p1", "v1", 2,
                        new BigDecimal("3.50"))), new BigDecimal("7.00"), "EUR"),
                new ProductViewed("e7", AT, null, "s1", "p1"),
                new CheckoutStarted("e8", AT, "c1", "s1", "k1", new BigDecimal("7.00"), "EUR"),
                new ReviewSubmitted("e9", AT, "c1", "rv1", "p1", 4, true),
                new ProductPublished("e10", AT, "p9", "tea"),
                new ProductRestocked("e11", AT, "p1", 12));

        assertThat(events.stream().map(RetentionEvent::getClass).distinct())
                .hasSize(RetentionEvent.class.getPermittedSubclasses().length);
        for (RetentionEvent event : events) {
            assertThat(codec.decode(event.type(), codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void unknownTypeIsRefusedByName() {
        assertThatThrownBy(() -> codec.decode("OrderTeleported", "{}"))
                .hasMessage("Unknown event type 'OrderTeleported'");
    }
}
