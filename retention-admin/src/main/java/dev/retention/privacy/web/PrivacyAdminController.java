package dev.retention.privacy.web;

import dev.retention.admin.AdminActor;
import dev.retention.audit.AuditLog;
import dev.retention.privacy.ErasureReceipt;
import dev.retention.privacy.PrivacyService;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Data-subject requests: export one JSON document, erase everywhere. Both audited. */
@RestController
@RequestMapping("/admin/retention/api/customers/{customerId}")
public class PrivacyAdminController {

    private final PrivacyService privacy;
    private final AuditLog audit;
    private final Clock clock;

    public PrivacyAdminController(PrivacyService privacy, AuditLog audit, Clock clock) {
        this.privacy = privacy;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/export")
    public ResponseEntity<Map<String, Object>> export(@PathVariable String customerId, Principal principal) {
        Map<String, Object> document = privacy.export(customerId);
        audit.record(AdminActor.of(principal), "customer", customerId, "export", null, null, null);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + customerId.replaceAll(
                        "[^A-Za-z0-9_-]", "_") + ".json\"")
                .body(document);
    }

    @PostMapping("/erase")
    public ErasureReceipt erase(@PathVariable String customerId, Principal principal) {
        ErasureReceipt receipt = privacy.erase(customerId, AdminActor.of(principal), clock.instant());
        audit.record(AdminActor.of(principal), "customer", customerId, "erase", "data-subject request", null,
                String.join(",", receipt.sections()));
        return receipt;
    }
}
