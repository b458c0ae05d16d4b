package dev.retention.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.host.CustomerErased;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Tag("db")
@SpringBootTest(classes = CoreTestApplication.class, properties = "retention.inbox.worker=false")
class PrivacyIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "privacy");
    }

    @Autowired
    RetentionEvents events;
    @Autowired
    Inbox inbox;
    @Autowired
    PrivacyService privacy;
    @Autowired
    CustomerProfiles profiles;
    @Autowired
    OrderHistory orders;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void exportGivesOneDocumentWithEverySection() {
        String id = TestDatabase.uniquePrefix() + "ana";
        Instant at = clock.instant().minus(Duration.ofDays(10));
        events.publishAll(List.of(Events.registered(id, at), Events.placed(id, id + "-o1", "30.00", at.plusSeconds(60))));
        inbox.drain();

        Map<String, Object> document = privacy.export(id);

        assertThat(document).containsKeys("customerId", "exportedAt", "profile", "events");
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) document.get("profile");
        assertThat(profile).containsEntry("email", id + "@example.com");
        assertThat((List<?>) profile.get("orders")).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> inboxSection = (Map<String, Object>) document.get("events");
        assertThat(inboxSection).containsEntry("count", 2);
    }

    @Test
    void customerErasedRemovesPersonalDataButKeepsAmounts() {
        String id = TestDatabase.uniquePrefix() + "bob";
        Instant at = clock.instant().minus(Duration.ofDays(10));
        events.publishAll(List.of(Events.registered(id, at), Events.placed(id, id + "-o1", "30.00", at.plusSeconds(60)),
                new CustomerErased(id + "-erased", at.plusSeconds(120), id)));
        inbox.drain();

        assertThat(privacy.isErased(id)).isTrue();
        assertThat(profiles.find(id)).get().satisfies(p -> {
            assertThat(p.email()).isNull();
            assertThat(p.displayName()).isNull();
            assertThat(p.erased()).isTrue();
        });
        assertThat(profiles.hasMarketingConsent(id, "email")).isFalse();
        assertThat(orders.find(id + "-o1")).get().extracting(o -> o.netMerchandise().intValue()).isEqualTo(30);
        String stored = jdbc.sql("SELECT payload FROM rtn_inbox WHERE event_id = ?").param(id + "-registered")
                .query(String.class).single();
        assertThat(stored).doesNotContain(id + "@example.com").contains("@erased.invalid")
                .doesNotContain("Customer " + id);
    }

    @Test
    void erasingTwiceIsHarmless() {
        String id = TestDatabase.uniquePrefix() + "cy";
        events.publish(Events.registered(id, clock.instant().minus(Duration.ofDays(1))));
        inbox.drain();

        privacy.erase(id, "admin", clock.instant());
        ErasureReceipt again = privacy.erase(id, "admin", clock.instant().plusSeconds(5));

        assertThat(again.sections()).contains("profile", "events");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_erasure WHERE customer_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }
}
