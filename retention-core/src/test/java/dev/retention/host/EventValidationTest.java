package dev.retention.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventValidationTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final OrderTotals TOTALS = new OrderTotals(new BigDecimal("10"), null, null, null,
            new BigDecimal("10"));
    private static final List<OrderLine> LINES = List.of(new OrderLine("p1", null, "tea", 1, BigDecimal.TEN, null));

    @Test
    void orderWithoutCustomerIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new OrderPlaced("e1", AT, " ", "o1", null, LINES, "EUR", TOTALS, "EUR", TOTALS, 0,
                null, null, null, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("customerId: is required and must not be blank")
                .extracting(e -> ((InvalidEventException) e).field()).isEqualTo("customerId");
    }

    @Test
    void orderWithoutLinesIsRefused() {
        assertThatThrownBy(() -> new OrderPlaced("e1", AT, "c1", "o1", null, List.of(), "EUR", TOTALS, "EUR", TOTALS,
                0, null, null, null, null))
                .hasMessage("lines: must contain at least one element");
    }

    @Test
    void negativeQuantityAndPriceAreRefused() {
        assertThatThrownBy(() -> new OrderLine("p1", null, null, 0, BigDecimal.ONE, null))
                .hasMessage("quantity: must be positive, was 0");
        assertThatThrownBy(() -> new OrderLine("p1", null, null, 1, new BigDecimal("-0.01"), null))
                .hasMessage("unitPrice: must not be negative, was -0.01");
        assertThatThrownBy(() -> new CartLine("p1", null, -1, BigDecimal.ONE))
                .hasMessage("quantity: must be positive, was -1");
    }

    @Test
    void missingBusinessTimeAndBadCurrencyAreRefused() {
        assertThatThrownBy(() -> new OrderCompleted("e1", null, "c1", "o1")).hasMessage("occurredAt: is required");
        assertThatThrownBy(() -> new OrderRefunded("e1", AT, "c1", "o1", "r1", null, BigDecimal.ONE, BigDecimal.ONE,
                "euro", null)).hasMessage("currency: must be an ISO 4217 code such as EUR, was 'euro'");
        assertThatThrownBy(() -> new OrderPlaced("e1", AT, "c1", "o1", null, LINES, "EUR", TOTALS, "EUR", TOTALS, -5,
                null, null, null, null)).hasMessage("pointsRedeemed: must not be negative, was -5");
    }

    @Test
    void reviewRatingMustBeOneToFive() {
        assertThatThrownBy(() -> new ReviewSubmitted("e1", AT, "c1", "r1", "p1", 6, true))
                .hasMessage("rating: must be between 1 and 5, was 6");
    }

    @Test
    void registrationNeedsAnEmailAddressAndDefaultsLocaleAndZone() {
        assertThatThrownBy(() -> new CustomerRegistered("e1", AT, "c1", "not-an-address", null, null, null, null,
                false, null, null)).hasMessage("email: must be an e-mail address, was 'not-an-address'");
        CustomerRegistered registered = new CustomerRegistered("e1", AT, "c1", " ana@example.com ", null, null, null,
                null, false, null, null);
        assertThat(registered.email()).isEqualTo("ana@example.com");
        assertThat(registered.locale().toLanguageTag()).isEqualTo("en");
        assertThat(registered.timeZone().getId()).isEqualTo("UTC");
    }

    @Test
    void netAmountsAreDerivedFromTheFacts() {
        OrderLine line = new OrderLine("p1", null, null, 3, new BigDecimal("4.50"), new BigDecimal("1.50"));
        assertThat(line.netAmount()).isEqualByComparingTo("12.00"); // 3 x 4.50 - 1.50
        OrderTotals totals = new OrderTotals(new BigDecimal("50"), new BigDecimal("8"), new BigDecimal("5"),
                new BigDecimal("9.66"), new BigDecimal("56.66"));
        assertThat(totals.netMerchandise()).isEqualByComparingTo("42"); // 50 - 8; shipping and tax excluded
    }

    @Test
    void everyEventTypeIsKnownToTheCapabilities() {
        assertThat(HostCapabilities.allEvents()).hasSize(RetentionEvent.class.getPermittedSubclasses().length)
                .contains(OrderPlaced.class, ProductRestocked.class);
    }
}
