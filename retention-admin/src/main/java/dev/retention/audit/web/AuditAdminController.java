package dev.retention.audit.web;

import dev.retention.audit.AuditEntry;
import dev.retention.audit.AuditLog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: {@code GET /admin/retention/api/audit?entity=&entityId=&page=&size=}. */
@RestController
@RequestMapping("/admin/retention/api/audit")
public class AuditAdminController {

    private final AuditLog audit;

    public AuditAdminController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    public List<AuditEntry> list(@RequestParam(required = false) String entity,
            @RequestParam(required = false) String entityId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.list(entity, entityId, page, size);
    }
}
