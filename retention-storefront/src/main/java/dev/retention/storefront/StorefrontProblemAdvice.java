package dev.retention.storefront;

import dev.retention.support.Problems;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns refusals from Retention Kit's shopper endpoints into RFC 9457 problem details with a {@code field}
 * property naming what to fix. Scoped to Retention Kit's controllers so the host's own error handling is untouched.
 */
@RestControllerAdvice(basePackages = "dev.retention")
public class StorefrontProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(StorefrontProblemAdvice.class);

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(400, "Invalid request", e.getParameterName(), e.getParameterName() + ": is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(400, "Invalid request", e.getName(), e.getName() + ": '" + e.getValue() + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(400, "Invalid request", "body", "body: not valid JSON for this endpoint");
    }

    @ExceptionHandler({Problems.FieldException.class, IllegalArgumentException.class,
        java.util.NoSuchElementException.class})
    ProblemDetail refused(RuntimeException e) {
        Problems.Problem problem = Problems.classify(e).orElseThrow(() -> e);
        log.debug("storefront.refused status={} field={} detail=\"{}\"", problem.status(), problem.field(),
                problem.detail());
        return problem(problem.status(), problem.title(), problem.field(), problem.detail());
    }

    static ProblemDetail problem(int status, String title, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://retention.dev/problems/" + HttpStatus.valueOf(status).name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
