package dev.retention.admin.web;

import dev.retention.audit.AuditEntry;
import dev.retention.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail: who did what, when, with the value before and after. */
@Controller
@RequestMapping("/admin/retention/audit")
public class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    public AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    public String audit(@RequestParam(defaultValue = "") String entity,
            @RequestParam(defaultValue = "") String entityId, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        int current = Math.max(0, page);
        List<AuditEntry> entries = audit.list(blankToNull(entity), blankToNull(entityId), current, PAGE_SIZE + 1);
        model.addAttribute("nav", "audit");
        model.addAttribute("entity", entity.trim());
        model.addAttribute("entityId", entityId.trim());
        model.addAttribute("entries", entries.stream().limit(PAGE_SIZE).map(CustomersPageController.AuditRow::of)
                .toList());
        model.addAttribute("pager", Pager.of(request, "page", current, entries.size() > PAGE_SIZE));
        return "retention-admin/audit";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
