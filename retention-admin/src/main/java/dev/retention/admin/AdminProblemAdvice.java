package dev.retention.admin;

import dev.retention.support.Problems;
import java.net.URI;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problem details with a {@code field} property for the admin API. The storefront has its twin; the
 * classification itself is shared in {@link Problems}, so the two only differ in the module they ship in.
 */
@RestControllerAdvice(basePackages = "dev.retention")
public class AdminProblemAdvice {

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(new Problems.Problem(400, "Invalid request", e.getParameterName(),
                e.getParameterName() + ": is required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(new Problems.Problem(400, "Invalid request", e.getName(),
                e.getName() + ": '" + e.getValue() + "' is not valid"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(new Problems.Problem(400, "Invalid request", "body", "body: not valid JSON for this endpoint"));
    }

    @ExceptionHandler({Problems.FieldException.class, IllegalArgumentException.class, NoSuchElementException.class,
        ArithmeticException.class})
    ProblemDetail refused(RuntimeException e) {
        return problem(Problems.classify(e).orElseThrow(() -> e));
    }

    /** Builds the problem document; public so admin page controllers can render the same fields. */
    public static ProblemDetail problem(Problems.Problem problem) {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem.detail());
        detail.setTitle(problem.title());
        detail.setType(URI.create("https://retention.dev/problems/"
                + status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        if (problem.field() != null) {
            detail.setProperty("field", problem.field());
        }
        return detail;
    }
}
