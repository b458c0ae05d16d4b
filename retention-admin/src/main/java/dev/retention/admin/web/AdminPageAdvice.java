package dev.retention.admin.web;

import dev.retention.support.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every console page shares: the signed-in admin's name, the report filter carried by the nav links, and
 * refusals rendered as an error page inside the layout (the JSON API keeps its problem details).
 */
@ControllerAdvice(assignableTypes = {ReportPagesController.class, OperationsPageController.class,
    CustomersPageController.class, AuditPageController.class, SettingsPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminPageAdvice {

    @ModelAttribute("adminName")
    String adminName(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** Report pages replace this with their filter so the nav keeps the date range and segment. */
    @ModelAttribute("navQuery")
    String navQuery() {
        return "";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return page(400, "Invalid request", e.getName() + ": '" + e.getValue() + "' is not valid", model, response);
    }

    @ExceptionHandler({Problems.FieldException.class, IllegalArgumentException.class,
        java.util.NoSuchElementException.class})
    String refused(RuntimeException e, Model model, HttpServletResponse response) {
        Problems.Problem problem = Problems.classify(e).orElseThrow(() -> e);
        return page(problem.status(), problem.title(), problem.detail(), model, response);
    }

    private static String page(int status, String title, String detail, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("nav", "");
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "retention-admin/error";
    }
}
