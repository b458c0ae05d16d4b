package dev.retention.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.host.CustomerRegistered;
import dev.retention.host.OrderRefunded;
import dev.retention.host.RefundLine;
import dev.retention.host.RetentionEvent;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import dev.retention.loyalty.internal.LoyaltyEventHandler;
import dev.retention.loyalty.internal.PointsExpiryJob;
import dev.retention.privacy.PrivacyService;
import dev.retention.referral.Referrals;
import dev.retention.support.Problems;
import dev.retention.testing.CoreTestApplication;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Tag("db")
@SpringBootTest(classes = {CoreTestApplication.class, LoyaltyIntegrationTest.Host.class},
        properties = "retention.inbox.worker=false")
class LoyaltyIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "loyalty");
    }

    @TestConfiguration
    static class Host {
        @Bean
        RecordingDiscountPort discountPort() {
            return new RecordingDiscountPort();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        LoyaltyEventsSeen loyaltyEventsSeen() {
            return new LoyaltyEventsSeen();
        }
    }

    static class LoyaltyEventsSeen {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void tier(TierChanged changed) {
            seen.add(changed);
        }

        @EventListener
        void expiring(PointsExpiring expiring) {
            seen.add(expiring);
        }
    }

    @Autowired
    RetentionEvents events;
    @Autowired
    Inbox inbox;
    @Autowired
    Loyalty loyalty;
    @Autowired
    Redemptions redemptions;
    @Autowired
    ProgrammeSettings settings;
    @Autowired
    Referrals referrals;
    @Autowired
    LoyaltyEventHandler handler;
    @Autowired
    PointsExpiryJob expiryJob;
    @Autowired
    RecordingDiscountPort discounts;
    @Autowired
    LoyaltyEventsSeen seen;
    @Autowired
    PrivacyService privacy;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    String id;
    Instant t0;

    @BeforeEach
    void setUp() {
        id = TestDatabase.uniquePrefix();
        clock.set(Instant.parse("2026-02-01T10:00:00Z"));
        t0 = clock.instant();
        inbox.drain();
    }

    void publish(RetentionEvent... list) {
        for (RetentionEvent event : list) {
            events.publish(event);
        }
        inbox.drain();
    }

    long balance(String customer) {
        return loyalty.account(customer).map(LoyaltyAccount::balance).orElse(0L);
    }

    long pending(String customer) {
        return loyalty.account(customer).map(LoyaltyAccount::pending).orElse(0L);
    }

    void assertNoDrift() {
        assertThat(loyalty.verify(id).drifting()).isEmpty();
    }

    /** Registers, orders {@code amount}, completes and confirms it: balance = 100 sign-up + amount. */
    void confirmedCustomer(String customer, String orderId, String amount) {
        publish(Events.registered(customer, t0), LoyaltyFixtures.placed(customer, orderId, null, amount, 0, t0),
                Events.completed(customer, orderId, t0));
        clock.advance(Duration.ofDays(31));
        inbox.processNow();
    }

    @Test
    void orderPointsStayPendingUntilTheReturnWindowEndsThenConfirm() {
        String c = id + "c";
        publish(Events.registered(c, t0), LoyaltyFixtures.placed(c, id + "o1", null, "80.00", 0, t0.plusSeconds(60)));
        assertThat(balance(c)).isEqualTo(100);
        assertThat(pending(c)).isEqualTo(80);

        publish(Events.completed(c, id + "o1", t0.plus(Duration.ofDays(2))));
        clock.set(t0.plus(Duration.ofDays(31)));
        inbox.processNow();
        assertThat(pending(c)).isEqualTo(80);

        clock.set(t0.plus(Duration.ofDays(32)));
        inbox.processNow();
        assertThat(balance(c)).isEqualTo(180);
        assertThat(pending(c)).isZero();
        assertThat(loyalty.history(c, 0, 10)).extracting(LedgerEntry::type)
                .containsExactly(LedgerEntryType.CONFIRMED, LedgerEntryType.EARN_PENDING, LedgerEntryType.EARN);
        assertNoDrift();
    }

    @Test
    void replayedEventsNeverAwardTwice() {
        String c = id + "c";
        var registered = Events.registered(c, t0);
        var placed = LoyaltyFixtures.placed(c, id + "o1", null, "80.00", 0, t0);
        publish(registered, placed);
        publish(registered, placed);
        // a handler re-run after a crash (same event handled again outside the inbox's dedup)
        handler.handle(registered);
        handler.handle(placed);
        handler.handle(new OrderRefunded(id + "r1-refunded", t0, c, id + "o1", id + "r1", List.of(),
                new BigDecimal("40"), new BigDecimal("40"), "EUR", null));
        handler.handle(new OrderRefunded(id + "r1-refunded-again", t0, c, id + "o1", id + "r1", List.of(),
                new BigDecimal("40"), new BigDecimal("40"), "EUR", null));

        assertThat(balance(c)).isEqualTo(100);
        assertThat(pending(c)).isEqualTo(40);
        assertNoDrift();
    }

    @Test
    void cancellingBeforeConfirmationDropsThePendingPoints() {
        String c = id + "c";
        publish(Events.registered(c, t0), LoyaltyFixtures.placed(c, id + "o1", null, "80.00", 0, t0),
                Events.completed(c, id + "o1", t0), LoyaltyFixtures.cancelled(c, id + "o1", t0.plusSeconds(5)));
        clock.advance(Duration.ofDays(40));
        inbox.processNow();

        assertThat(balance(c)).isEqualTo(100);
        assertThat(pending(c)).isZero();
        assertThat(loyalty.history(c, 0, 10)).first().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LedgerEntryType.CLAWBACK);
            assertThat(e.pendingPoints()).isEqualTo(-80);
        });
        assertNoDrift();
    }

    @Test
    void partialRefundAfterConfirmationClawsBackProRataUsingTheRecordedRule() {
        String c = id + "c";
        clock.set(Instant.parse("2031-01-01T10:00:00Z"));
        Instant placedAt = clock.instant();
        Object before = settings.get(ProgrammeSettings.Section.LOYALTY);
        publish(Events.registered(c, placedAt), LoyaltyFixtures.placed(c, id + "o1", null, "200.00", 0, placedAt),
                Events.completed(c, id + "o1", placedAt));
        int recordedVersion = loyalty.history(c, 0, 1).get(0).ruleVersion();
        clock.set(Instant.parse("2031-01-01T12:00:00Z"));
        LoyaltySettings current = settings.loyalty();
        LoyaltySettings richer = current.withEarning(new EarningRule(1, BigDecimal.TEN, Map.of(), Map.of(), List.of(),
                current.earning().bonuses()));
        try {
            settings.update(ProgrammeSettings.Section.LOYALTY, new tools.jackson.databind.json.JsonMapper()
                    .writeValueAsString(richer), "test", "rule change");
            clock.set(Instant.parse("2031-02-05T10:00:00Z"));
            inbox.processNow();
            assertThat(balance(c)).isEqualTo(300);

            publish(new OrderRefunded(id + "r1-refunded", clock.instant(), c, id + "o1", id + "r1",
                    List.of(new RefundLine("p-1", 1, new BigDecimal("50"))), new BigDecimal("50"),
                    new BigDecimal("50"), "EUR", "damaged"));

            LedgerEntry clawback = loyalty.history(c, 0, 1).get(0);
            assertThat(clawback.type()).isEqualTo(LedgerEntryType.CLAWBACK);
            assertThat(clawback.points()).isEqualTo(-50);
            assertThat(clawback.ruleVersion()).isEqualTo(recordedVersion);
            assertThat(settings.loyalty().earning().version()).isGreaterThan(recordedVersion);
            assertThat(balance(c)).isEqualTo(250);
        } finally {
            clock.set(Instant.parse("2031-02-06T10:00:00Z"));
            settings.update(ProgrammeSettings.Section.LOYALTY, new tools.jackson.databind.json.JsonMapper()
                    .writeValueAsString(before), "test", "restore");
        }
        assertNoDrift();
    }

    @Test
    void clawbackOfSpentPointsBecomesDebtThatLaterEarningsRepayFirst() {
        String c = id + "c";
        confirmedCustomer(c, id + "o1", "300.00");
        assertThat(balance(c)).isEqualTo(400);
        redemptions.reserve(c, new Redemptions.Request(id + "k2", null, 400L, new BigDecimal("1000")));
        publish(LoyaltyFixtures.placed(c, id + "o2", id + "k2", "10.00", 400, clock.instant()));
        assertThat(balance(c)).isZero();

        publish(LoyaltyFixtures.cancelled(c, id + "o1", clock.instant()));
        LoyaltyAccount account = loyalty.account(c).orElseThrow();
        assertThat(account.balance()).isEqualTo(-300);
        assertThat(account.debt()).isEqualTo(300);
        assertThat(loyalty.history(c, 0, 2)).extracting(LedgerEntry::type)
                .containsExactly(LedgerEntryType.DEBT, LedgerEntryType.CLAWBACK);
        assertNoDrift();

        assertThatThrownBy(() -> redemptions.reserve(c, new Redemptions.Request(id + "k3", null, 100L,
                new BigDecimal("100")))).isInstanceOf(InsufficientPointsException.class);

        Instant later = clock.instant();
        publish(LoyaltyFixtures.placed(c, id + "o3", null, "500.00", 0, later), Events.completed(c, id + "o3", later));
        clock.advance(Duration.ofDays(31));
        inbox.processNow();
        account = loyalty.account(c).orElseThrow();
        assertThat(account.debt()).isZero();
        assertThat(account.balance()).isEqualTo(200);
        assertNoDrift();
    }

    @Test
    void redeemingMoreThanTheBalanceIsRefusedWith409NamingPoints() {
        String c = id + "c";
        publish(Events.registered(c, t0));

        assertThatThrownBy(() -> redemptions.reserve(c, new Redemptions.Request(id + "k", "five-off", null, null)))
                .isInstanceOfSatisfying(Problems.FieldException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.field()).isEqualTo("points");
                });
        assertThat(balance(c)).isEqualTo(100);
        assertThat(discounts.live).doesNotContainKey(id + "k");
    }

    @Test
    void payWithPointsTakesTheSmallestOfRequestBalanceAndCartCapAndRepostingReplaces() {
        String c = id + "c";
        confirmedCustomer(c, id + "o1", "900.00");
        assertThat(balance(c)).isEqualTo(1000);

        // cap: 50% of 12.00 = 6.00 = 600 points
        Reservation first = redemptions.reserve(c, new Redemptions.Request(id + "k", null, 5000L,
                new BigDecimal("12.00")));
        assertThat(first.points()).isEqualTo(600);
        assertThat(balance(c)).isEqualTo(400);
        assertThat(discounts.live.get(id + "k").grantId()).isEqualTo(first.grantId());

        Reservation second = redemptions.reserve(c, new Redemptions.Request(id + "k", null, 300L,
                new BigDecimal("12.00")));
        assertThat(second.points()).isEqualTo(300);
        assertThat(second.generation()).isEqualTo(2);
        assertThat(balance(c)).isEqualTo(700);
        assertThat(discounts.revoked).contains(first.grantId());
        assertThat(discounts.live.get(id + "k").grantId()).isEqualTo(second.grantId());

        redemptions.cancel(c, id + "k");
        assertThat(balance(c)).isEqualTo(1000);
        assertThat(discounts.live).doesNotContainKey(id + "k");
        assertNoDrift();
    }

    @Test
    void aRefusedReplacementKeepsTheReservationItWouldHaveReplaced() {
        String c = id + "c";
        confirmedCustomer(c, id + "o1", "600.00");
        Reservation held = redemptions.reserve(c, new Redemptions.Request(id + "k", "five-off", null, null));

        assertThatThrownBy(() -> redemptions.reserve(c, new Redemptions.Request(id + "k", "ten-percent", null,
                new BigDecimal("50")))).isInstanceOf(InsufficientPointsException.class);

        assertThat(redemptions.find(c, id + "k")).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo("RESERVED");
            assertThat(r.generation()).isEqualTo(held.generation());
        });
        assertThat(balance(c)).isEqualTo(200);
        assertThat(discounts.live.get(id + "k").grantId()).isEqualTo(held.grantId());
        assertNoDrift();
    }

    @Test
    void aReservationNoOrderUsesIsReleasedAfterTheTimeoutAndAPlacedOrderCommitsIt() {
        String c = id + "c";
        confirmedCustomer(c, id + "o1", "900.00");
        redemptions.reserve(c, new Redemptions.Request(id + "late", "five-off", null, null));
        redemptions.reserve(c, new Redemptions.Request(id + "used", "five-off", null, null));
        assertThat(balance(c)).isZero();

        publish(LoyaltyFixtures.placed(c, id + "o2", id + "used", "50.00", 500, clock.instant()));
        clock.advance(Duration.ofMinutes(31));
        inbox.processNow();

        assertThat(redemptions.find(c, id + "late")).get().extracting(Reservation::status).isEqualTo("RELEASED");
        assertThat(redemptions.find(c, id + "used")).get().extracting(Reservation::status).isEqualTo("COMMITTED");
        assertThat(balance(c)).isEqualTo(500);
        assertThat(discounts.live).doesNotContainKey(id + "late").containsKey(id + "used");
        assertNoDrift();
    }

    @Test
    void aFailedGrantReleasesTheReservation() {
        String c = id + "c";
        confirmedCustomer(c, id + "o1", "900.00");
        discounts.failNextGrant = true;

        assertThatThrownBy(() -> redemptions.reserve(c, new Redemptions.Request(id + "k", "five-off", null, null)))
                .hasMessageContaining("promotion engine down");
        assertThat(balance(c)).isEqualTo(1000);
        assertNoDrift();
    }

    @Test
    void pointsRedeemedOnARefundedOrderComeBackProRataKeepingTheirExpiry() {
        String c = id + "c";
        confirmedCustomer(c, id + "o1", "900.00");
        redemptions.reserve(c, new Redemptions.Request(id + "k", null, 1000L, new BigDecimal("100")));
        publish(LoyaltyFixtures.placed(c, id + "o2", id + "k", "100.00", 1000, clock.instant()));
        assertThat(balance(c)).isZero();

        // order 2 basis: 100 - 10 paid with points = 90; refunding 45 is half
        publish(new OrderRefunded(id + "r1-refunded", clock.instant(), c, id + "o2", id + "r1", List.of(),
                new BigDecimal("45"), new BigDecimal("45"), "EUR", null));

        assertThat(balance(c)).isEqualTo(500);
        assertThat(loyalty.history(c, 0, 1).get(0).type()).isEqualTo(LedgerEntryType.REDEEM_RETURN);
        // 1,000 points earned made the shopper Silver (x1.25): order 2 earned 90 * 1.25 = 112 pending, half stays
        assertThat(pending(c)).isEqualTo(56);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_lot WHERE customer_id = ? AND remaining > 0"
                + " AND expires_at IN (SELECT expires_at FROM rtn_loyalty_lot WHERE customer_id = ? AND remaining = 0)")
                .params(c, c).query(Long.class).single()).isPositive();
        assertNoDrift();
    }

    @Test
    void expiryConsumesSoonestExpiringLotsFirstAndWarnsAhead() {
        String c = id + "c";
        publish(Events.registered(c, t0));
        loyalty.adjust(c, 200, "goodwill", "admin");
        clock.advance(Duration.ofDays(100));
        loyalty.adjust(c, 300, "goodwill", "admin");
        // the two lots: 100 sign-up + 200 at t0 (expire t0 + 365d), 300 at t0 + 100d
        redemptions.reserve(c, new Redemptions.Request(id + "k", null, 250L, new BigDecimal("1000")));
        publish(LoyaltyFixtures.placed(c, id + "o1", id + "k", "10.00", 250, clock.instant()));

        clock.set(t0.plus(Duration.ofDays(340)));
        seen.seen.clear();
        expiryJob.warn(clock.instant());
        assertThat(seen.seen).filteredOn(e -> e instanceof PointsExpiring p && p.customerId().equals(c))
                .extracting(e -> ((PointsExpiring) e).points()).containsExactly(50L);

        long expired = expiryJob.expireDue(t0.plus(Duration.ofDays(366)));
        assertThat(expired).isGreaterThanOrEqualTo(50);
        assertThat(balance(c)).isEqualTo(300);
        assertThat(loyalty.history(c, 0, 1).get(0).type()).isEqualTo(LedgerEntryType.EXPIRE);
        assertNoDrift();
    }

    @Test
    void theVerifierReportsAnAccountWhoseCacheDrifted() {
        String c = id + "c";
        publish(Events.registered(c, t0));
        jdbc.sql("UPDATE rtn_loyalty_account SET balance = balance + 7 WHERE customer_id = ?").param(c).update();
        try {
            DriftReport report = loyalty.verify(id);
            assertThat(report.drifting()).singleElement().satisfies(d -> {
                assertThat(d.cachedBalance()).isEqualTo(107);
                assertThat(d.ledgerBalance()).isEqualTo(100);
                assertThat(d.lotsMinusDebt()).isEqualTo(100);
            });
            loyalty.verify(null);
            assertThat(meters.get("retention.loyalty.drift").gauge().value()).isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("UPDATE rtn_loyalty_account SET balance = balance - 7 WHERE customer_id = ?").param(c).update();
        }
        assertNoDrift();
    }

    @Test
    void reachingAThresholdUpgradesAtOnceAndPublishesTierChanged() {
        String c = id + "c";
        seen.seen.clear();
        publish(Events.registered(c, t0), LoyaltyFixtures.placed(c, id + "o1", null, "950.00", 0, t0));

        assertThat(loyalty.account(c).orElseThrow().tier()).isEqualTo("Silver");
        assertThat(seen.seen).contains(new TierChanged(c, null, "Silver", t0, "qualified"));
        assertThat(loyalty.tierHistory(c)).extracting(TierChange::toTier).containsExactly("Silver");
        assertThat(loyalty.summary(c).nextTier()).isEqualTo("Gold");
        assertThat(loyalty.summary(c).remaining()).isEqualByComparingTo("3950");

        // a year and the grace period later nothing qualifies any more: downgraded at the review
        clock.set(t0.plus(Duration.ofDays(396)));
        inbox.processNow();
        assertThat(loyalty.account(c).orElseThrow().tier()).isNull();
    }

    @Test
    void approvedReviewsEarnUpToTheMonthlyCapAndSharesOncePerPeriod() {
        String c = id + "c";
        publish(Events.registered(c, t0));
        for (int i = 0; i < 7; i++) {
            publish(new ReviewSubmitted(id + "rev" + i, t0.plusSeconds(i), c, id + "r" + i, "p-" + i, 5, i != 0));
        }
        assertThat(balance(c)).isEqualTo(100 + 5 * 25);

        assertThat(loyalty.recordShare(c)).isEqualTo(10);
        assertThat(loyalty.recordShare(c)).isZero();
        assertThat(referrals.summary(c, clock.instant()).shared()).isEqualTo(2);
    }

    @Test
    void aBirthdayEarnsOncePerYear() {
        String c = id + "c";
        publish(new CustomerRegistered(c + "-registered", t0, c, c + "@example.com", "B", Locale.ENGLISH,
                ZoneId.of("UTC"), LocalDate.parse("1990-02-10"), true, null, null));
        clock.set(Instant.parse("2026-02-11T00:00:00Z"));
        inbox.processNow();
        clock.set(Instant.parse("2027-02-11T00:00:00Z"));
        inbox.processNow();

        assertThat(loyalty.history(c, 0, 20)).filteredOn(e -> "birthday".equals(e.source())).hasSize(2);
    }

    @Test
    void aReferredFriendsConfirmedFirstOrderRewardsBothAndFraudIsRefused() {
        String referrer = id + "ref";
        publish(Events.registered(referrer, t0));
        String code = referrals.codeFor(referrer, t0);
        assertThat(referrals.codeFor(referrer, t0)).isEqualTo(code);
        publish(LoyaltyFixtures.placed(referrer, id + "ro", null, "10.00", 0, t0, "addr-" + id, "pay-" + id));

        String friend = id + "friend";
        String sneaky = id + "sneaky";
        String self = id + "self";
        publish(new CustomerRegistered(friend + "-registered", t0, friend, friend + "@example.org", "F",
                Locale.ENGLISH, null, null, true, null, code.toLowerCase(Locale.ROOT)),
                new CustomerRegistered(sneaky + "-registered", t0, sneaky, sneaky + "@example.org", "S",
                        Locale.ENGLISH, null, null, true, null, code),
                new CustomerRegistered(self + "-registered", t0, referrer, referrer + "@example.com", "R",
                        Locale.ENGLISH, null, null, true, null, code));
        publish(LoyaltyFixtures.placed(friend, id + "fo", null, "40.00", 0, t0, "addr-f" + id, "pay-f" + id),
                LoyaltyFixtures.placed(sneaky, id + "so", null, "40.00", 0, t0, "addr-s" + id, "pay-" + id),
                Events.completed(friend, id + "fo", t0), Events.completed(sneaky, id + "so", t0));
        assertThat(pending(friend)).isEqualTo(40 + 250);
        assertThat(pending(sneaky)).isEqualTo(40);

        clock.advance(Duration.ofDays(31));
        inbox.processNow();

        assertThat(balance(referrer)).isEqualTo(100 + 500);
        assertThat(referrals.find(friend)).get().extracting(r -> r.status()).isEqualTo("REWARDED");
        assertThat(referrals.find(sneaky)).get().extracting(r -> r.refusedReason()).isEqualTo("same payment");
        var summary = referrals.summary(referrer, clock.instant());
        assertThat(referrals.referredBy(referrer)).extracting(r -> r.friendId() + ":" + r.status())
                .containsExactlyInAnyOrder(friend + ":REWARDED", sneaky + ":REFUSED", referrer + ":REFUSED");
        assertThat(summary.signedUp()).isEqualTo(1);
        assertThat(summary.rewarded()).isEqualTo(1);
        assertThat(summary.refused()).isEqualTo(2);
        assertThat(summary.link()).endsWith(code);
        assertNoDrift();
    }

    @Test
    void adjustmentsNeedAReasonAndAreAudited() {
        String c = id + "c";
        assertThatThrownBy(() -> loyalty.adjust(c, 50, " ", "admin")).hasMessageStartingWith("reason:");
        loyalty.adjust(c, 50, "compensation for late delivery", "alice");
        assertThatThrownBy(() -> loyalty.adjust(c, -80, "typo", "alice"))
                .isInstanceOf(InsufficientPointsException.class);

        assertThat(balance(c)).isEqualTo(50);
        assertThat(loyalty.history(c, 0, 1).get(0).actor()).isEqualTo("alice");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rtn_audit WHERE entity = 'loyalty-account' AND entity_id = ?"
                + " AND actor = 'alice' AND reason = 'compensation for late delivery'").param(c)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anImportWithOneBadRowImportsNothing() {
        ImportResult refused = loyalty.importOpeningBalances("customerId,points\n" + id + "a,100\n" + id + "b,x\n"
                + id + "a,5\n", "alice");
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.errors()).extracting(ImportResult.RowError::line, ImportResult.RowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "points"),
                        org.assertj.core.groups.Tuple.tuple(4, "customerId"));
        assertThat(loyalty.account(id + "a")).isEmpty();

        ImportResult imported = loyalty.importOpeningBalances(id + "a,100\n" + id + "b,250,migrated\n", "alice");
        assertThat(imported.imported()).isEqualTo(2);
        assertThat(balance(id + "b")).isEqualTo(250);
        assertThat(loyalty.importOpeningBalances(id + "a,1\n", "alice").errors()).singleElement()
                .extracting(ImportResult.RowError::message).isEqualTo("already has an imported balance");
        assertNoDrift();
    }

    @Test
    void erasureKeepsAmountsAndExportListsTheLedger() {
        String c = id + "c";
        publish(Events.registered(c, t0), LoyaltyFixtures.placed(c, id + "o1", null, "10.00", 0, t0, "a", "p"));
        loyalty.adjust(c, 5, "called about order at 12 Main St", "alice");

        Map<String, Object> export = privacy.export(c);
        assertThat(export).containsKey("loyalty");
        privacy.erase(c, "alice", clock.instant());

        assertThat(balance(c)).isEqualTo(105);
        assertThat(loyalty.history(c, 0, 1).get(0).reason()).doesNotContain("Main St");
        assertThat(jdbc.sql("SELECT address_fingerprint FROM rtn_loyalty_order WHERE order_id = ?").param(id + "o1")
                .query(String.class).optional()).isEmpty();
        assertNoDrift();
    }
}
