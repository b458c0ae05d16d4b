package dev.retention.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.host.InvalidEventException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void refusalsMapToStatusesAndNameTheirField() {
        assertThat(Problems.classify(new InvalidEventException("lines", "must contain at least one element")))
                .get().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.field()).isEqualTo("lines");
                });
        assertThat(Problems.classify(new IllegalArgumentException("size: must be between 1 and 500, was 0")))
                .get().extracting(Problems.Problem::field).isEqualTo("size");
        assertThat(Problems.classify(new IllegalArgumentException("no field in this sentence, really")))
                .get().extracting(Problems.Problem::field).isNull();
        assertThat(Problems.classify(new NoSuchElementException("gone"))).get()
                .extracting(Problems.Problem::status).isEqualTo(404);
        assertThat(Problems.classify(new Problems.FieldException(409, "Short", "points", "points: short")))
                .get().extracting(Problems.Problem::status, Problems.Problem::field).containsExactly(409, "points");
    }

    @Test
    void aModelThatCannotBeFittedIsUnprocessableNotAServerError() {
        assertThat(Problems.classify(new ArithmeticException("2F1(1, 2; 3; 0.99) did not converge"))).get()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.detail()).contains("did not converge");
                });
    }

    @Test
    void unexpectedErrorsStayServerErrors() {
        assertThat(Problems.classify(new IllegalStateException("bug"))).isEmpty();
    }
}
