package dev.retention.engage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.support.Problems.FieldException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlowSettingsTest {

    private final FlowSettings defaults = FlowSettings.defaults(Flow.ABANDONED_CART, 10);

    @Test
    void jsonLeavesOutFieldsUnchangedAndReadsIsoDurations() {
        FlowSettings updated = FlowSettingsService.fromJson("{\"delays\":[\"PT30M\",\"P1D\"],\"enabled\":false}",
                defaults);
        assertThat(updated.delays()).containsExactly(Duration.ofMinutes(30), Duration.ofDays(1));
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.holdoutPercent()).isEqualTo(10);
        assertThat(FlowSettingsService.fromJson(FlowSettingsService.toJson(updated), defaults)).isEqualTo(updated);
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertField("{\"delays\":[]}", "delays");
        assertField("{\"delays\":[\"PT1H\",\"-P1D\"]}", "delays[1]");
        assertField("{\"holdoutPercent\":51}", "holdoutPercent");
        assertField("{\"holdoutPercent\":1.5}", "holdoutPercent");
        assertField("{\"couponPercent\":95}", "couponPercent");
        assertField("{\"couponValidDays\":0}", "couponValidDays");
        assertField("{\"intervalFactor\":0.5}", "intervalFactor");
        assertField("{\"enabled\":\"yes\"}", "enabled");
        assertField("[1]", "body");
    }

    @Test
    void transactionalFlowsHaveNoHoldoutByDefault() {
        assertThat(FlowSettings.defaults(Flow.ORDER_THANK_YOU, 10).holdoutPercent()).isZero();
        assertThat(FlowSettings.defaults(Flow.WIN_BACK, 10).holdoutPercent()).isEqualTo(10);
        assertThat(Flow.ABANDONED_CART.messageKey()).isEqualTo("abandonedCart");
    }

    private void assertField(String json, String field) {
        assertThatThrownBy(() -> FlowSettingsService.fromJson(json, defaults))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
