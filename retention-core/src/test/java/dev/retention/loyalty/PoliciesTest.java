package dev.retention.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static OrderPlaced order(String subtotal, String discounts, String shipping, String tax, List<OrderLine> lines) {
        BigDecimal sub = new BigDecimal(subtotal);
        BigDecimal disc = new BigDecimal(discounts);
        BigDecimal ship = new BigDecimal(shipping);
        BigDecimal t = new BigDecimal(tax);
        OrderTotals totals = new OrderTotals(sub, disc, ship, t, sub.subtract(disc).add(ship).add(t));
        return new OrderPlaced("e", T, "c", "o", "k", lines, "EUR", totals, "EUR", totals, 0, null, null, List.of(),
                null);
    }

    static OrderLine line(String category, String amount) {
        return new OrderLine("p-" + category, null, category, 1, new BigDecimal(amount), BigDecimal.ZERO);
    }

    @Test
    void earningBasisExcludesTaxShippingAndDiscountsIncludingThePartPaidWithPoints() {
        EarningRule rule = EarningRule.simple(BigDecimal.ONE);
        // 100 merchandise, 15 discounts (10 coupon + 5 paid with points), 7 shipping, 21 tax -> basis 85
        OrderPlaced order = order("100", "15", "7", "21", List.of(line("books", "100")));

        assertThat(rule.pointsFor(order, null)).isEqualTo(85);
    }

    @Test
    void categoryTierAndCampaignMultipliersCombineAndRoundDown() {
        EarningRule rule = new EarningRule(3, new BigDecimal("2"), Map.of("Gold", new BigDecimal("1.5")),
                Map.of("shoes", new BigDecimal("2")),
                List.of(new EarningRule.Campaign("spring", T.minusSeconds(60), T.plusSeconds(60), new BigDecimal("1.1"))),
                EarningRule.Bonuses.NONE);
        // lines 60 books + 40 shoes, 10 order discount -> basis 90: books share 54, shoes share 36 (x2 = 72)
        OrderPlaced order = order("100", "10", "0", "0", List.of(line("books", "60"), line("shoes", "40")));

        // (54 + 72) * 2 points * 1.5 Gold * 1.1 campaign = 415.8 -> 415
        assertThat(rule.pointsFor(order, "Gold")).isEqualTo(415);
        assertThat(rule.pointsFor(order, null)).isEqualTo(277);
        assertThat(rule.pointsFor(new BigDecimal("10"), null, T.plusSeconds(3600))).isEqualTo(20);
    }

    @Test
    void anInvalidRuleNamesTheField() {
        assertThatThrownBy(() -> new EarningRule(0, BigDecimal.ONE, null, null, null, null))
                .hasMessageStartingWith("earning.version:");
        assertThatThrownBy(() -> new EarningRule(1, new BigDecimal("-1"), null, null, null, null))
                .hasMessageStartingWith("earning.pointsPerUnit:");
        assertThatThrownBy(() -> new EarningRule.Bonuses(-1, 0, 0, 0, 0, 0, 0, 0))
                .hasMessageStartingWith("earning.bonuses.signUp:");
    }

    @Test
    void fixedExpiryCountsFromEarningAndInactivityFromLastActivity() {
        ExpiryPolicy fixed = new ExpiryPolicy(ExpiryPolicy.Mode.FIXED, 10, 3);
        ExpiryPolicy inactivity = new ExpiryPolicy(ExpiryPolicy.Mode.INACTIVITY, 10, 3);
        Instant later = T.plusSeconds(86_400 * 4);

        assertThat(fixed.expiresAt(T, later)).isEqualTo(T.plusSeconds(86_400 * 10));
        assertThat(inactivity.expiresAt(T, later)).isEqualTo(later.plusSeconds(86_400 * 10));
        assertThat(new ExpiryPolicy(ExpiryPolicy.Mode.NEVER, 0, 0).expiresAt(T, T)).isNull();
    }

    @Test
    void returnedPointsKeepTheirExpiryUnlessItPassed() {
        ExpiryPolicy fixed = new ExpiryPolicy(ExpiryPolicy.Mode.FIXED, 10, 3);
        Instant original = T.plusSeconds(3600);

        assertThat(fixed.expiryForReturned(original, T)).isEqualTo(original);
        assertThat(fixed.expiryForReturned(original, T.plusSeconds(7200))).isEqualTo(T.plusSeconds(7200 + 864_000));
        assertThatThrownBy(() -> new ExpiryPolicy(ExpiryPolicy.Mode.FIXED, 10, 10))
                .hasMessageStartingWith("expiry.warningDays:");
    }

    @Test
    void tiersAreChosenByThresholdAndReviewedAfterPeriodAndGrace() {
        TierPolicy rolling = new TierPolicy(TierPolicy.Basis.POINTS_EARNED, TierPolicy.Window.ROLLING, 365, 30,
                List.of(new TierPolicy.Tier("Silver", BigDecimal.valueOf(1000), false, null),
                        new TierPolicy.Tier("Gold", BigDecimal.valueOf(5000), true, null)));

        assertThat(rolling.tierFor(BigDecimal.valueOf(999))).isEmpty();
        assertThat(rolling.tierFor(BigDecimal.valueOf(1000))).get().extracting(TierPolicy.Tier::name)
                .isEqualTo("Silver");
        assertThat(rolling.tierFor(BigDecimal.valueOf(7000))).get().extracting(TierPolicy.Tier::name)
                .isEqualTo("Gold");
        assertThat(rolling.next(null)).get().extracting(TierPolicy.Tier::name).isEqualTo("Silver");
        assertThat(rolling.next("Gold")).isEmpty();
        assertThat(rolling.reviewAt(T)).isEqualTo(T.plusSeconds(86_400L * 395));

        TierPolicy calendar = new TierPolicy(TierPolicy.Basis.AMOUNT_SPENT, TierPolicy.Window.CALENDAR_YEAR, 0, 10,
                List.of());
        assertThat(calendar.windowStart(T)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(calendar.reviewAt(T)).isEqualTo(Instant.parse("2027-01-11T00:00:00Z"));
    }

    @Test
    void tierThresholdsMustAscend() {
        assertThatThrownBy(() -> new TierPolicy(TierPolicy.Basis.POINTS_EARNED, TierPolicy.Window.ROLLING, 365, 0,
                List.of(new TierPolicy.Tier("A", BigDecimal.TEN, false, null),
                        new TierPolicy.Tier("B", BigDecimal.ONE, false, null))))
                .hasMessageStartingWith("tiers.tiers[1].threshold:");
    }

    @Test
    void rewardsRespectTierRestrictionEarlyAccessValidityAndMinimumOrder() {
        Reward tierOnly = new Reward("gold-gift", "Gift", Reward.Kind.FREE_PRODUCT, null, null, "p-9", 100, null,
                List.of("Gold"), null, null, null, null);
        Reward early = new Reward("early", "Early", Reward.Kind.AMOUNT_OFF, BigDecimal.TEN, null, null, 100,
                new BigDecimal("50"), List.of("Gold"), T.plusSeconds(60), null, T.plusSeconds(7200), null);

        assertThat(tierOnly.availableTo("Gold", T, null)).isTrue();
        assertThat(tierOnly.availableTo("Silver", T, null)).isFalse();
        assertThat(early.availableTo(null, T, new BigDecimal("60"))).isFalse();
        assertThat(early.availableTo(null, T.plusSeconds(120), new BigDecimal("60"))).isTrue();
        assertThat(early.availableTo(null, T.plusSeconds(120), new BigDecimal("40"))).isFalse();
        assertThat(early.availableTo(null, T.plusSeconds(7201), new BigDecimal("60"))).isFalse();
        assertThatThrownBy(() -> new Reward("x", "X", Reward.Kind.PERCENT_OFF, new BigDecimal("120"), null, null, 1,
                null, null, null, null, null, null)).hasMessageStartingWith("rewards.value:");
    }

    @Test
    void redemptionPolicyValidatesItsLimits() {
        assertThatThrownBy(() -> new LoyaltySettings.RedemptionPolicy(BigDecimal.ZERO, BigDecimal.TEN, 1, 30))
                .hasMessageStartingWith("redemption.pointValue:");
        assertThatThrownBy(() -> new LoyaltySettings.RedemptionPolicy(BigDecimal.ONE, new BigDecimal("101"), 1, 30))
                .hasMessageStartingWith("redemption.maxCartPercent:");
    }
}
