package dev.retention.engage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SendingRulesTest {

    private final SendingRules rules = new SendingRules(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void aMessageDueAtNightInTheShoppersZoneWaitsUntilMorningThere() {
        // 23:30 in Warsaw (UTC+1 in January) -> 08:00 next morning Warsaw time
        assertThat(rules.deferQuietHours(Instant.parse("2026-01-15T22:30:00Z"), ZoneId.of("Europe/Warsaw")))
                .contains(Instant.parse("2026-01-16T07:00:00Z"));
        // 06:00 in São Paulo -> 08:00 the same day
        assertThat(rules.deferQuietHours(Instant.parse("2026-01-15T09:00:00Z"), ZoneId.of("America/Sao_Paulo")))
                .contains(Instant.parse("2026-01-15T11:00:00Z"));
    }

    @Test
    void daytimeAndTheEdgesOfQuietHoursAreHandledPrecisely() {
        ZoneId utc = ZoneId.of("UTC");
        assertThat(rules.deferQuietHours(Instant.parse("2026-01-15T08:00:00Z"), utc)).isEmpty();
        assertThat(rules.deferQuietHours(Instant.parse("2026-01-15T20:59:59Z"), utc)).isEmpty();
        assertThat(rules.deferQuietHours(Instant.parse("2026-01-15T21:00:00Z"), utc))
                .contains(Instant.parse("2026-01-16T08:00:00Z"));
        assertThat(new SendingRules(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .deferQuietHours(Instant.parse("2026-01-15T03:00:00Z"), utc)).isEmpty();
        assertThat(new SendingRules(LocalTime.of(13, 0), LocalTime.of(14, 0))
                .deferQuietHours(Instant.parse("2026-01-15T13:30:00Z"), utc))
                .contains(Instant.parse("2026-01-15T14:00:00Z"));
    }

    @Test
    void theHoldoutDrawIsDeterministicAndCloseToThePercentage() {
        Instant at = Instant.parse("2026-03-10T10:00:00Z");
        int held = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean first = SendingRules.inHoldout("c-" + i, "win-back", at, 10);
            assertThat(SendingRules.inHoldout("c-" + i, "win-back", at.plusSeconds(3600), 10)).isEqualTo(first);
            held += first ? 1 : 0;
        }
        assertThat(held).isBetween(900, 1100);
        assertThat(SendingRules.inHoldout("c-1", "win-back", at, 0)).isFalse();
    }

    @Test
    void messageIdsAreStablePerDecisionAndDistinctAcrossDecisions() {
        assertThat(SendingRules.messageId("welcome|1|c-1", "shop.test"))
                .isEqualTo(SendingRules.messageId("welcome|1|c-1", "shop.test"))
                .isNotEqualTo(SendingRules.messageId("welcome|2|c-1", "shop.test"))
                .endsWith("@shop.test")
                .hasSize(32 + "@shop.test".length());
    }
}
