package dev.retention.loyalty.web;

import dev.retention.admin.AdminActor;
import dev.retention.loyalty.DriftReport;
import dev.retention.loyalty.ImportResult;
import dev.retention.loyalty.LedgerEntry;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.LoyaltyAccount;
import dev.retention.loyalty.TierChange;
import dev.retention.referral.ReferralSummary;
import dev.retention.referral.Referrals;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Loyalty operations for admins: account with ledger, audited adjustments, opening-balance import, drift check. */
@RestController
@RequestMapping("/admin/retention/api/loyalty")
public class LoyaltyAdminController {

    private final Loyalty loyalty;
    private final Referrals referrals;
    private final Clock clock;

    public LoyaltyAdminController(Loyalty loyalty, Referrals referrals, Clock clock) {
        this.loyalty = loyalty;
        this.referrals = referrals;
        this.clock = clock;
    }

    public record AccountView(LoyaltyAccount account, long ledgerSize, int page, List<LedgerEntry> ledger,
            List<TierChange> tierHistory, ReferralSummary referrals) {
    }

    public record Adjustment(Long points, String reason) {
    }

    @GetMapping("/accounts/{customerId}")
    public AccountView account(@PathVariable String customerId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        LoyaltyAccount account = loyalty.account(customerId)
                .orElseThrow(() -> new NoSuchElementException("No loyalty account for customer " + customerId));
        return new AccountView(account, loyalty.historySize(customerId), page, loyalty.history(customerId, page, size),
                loyalty.tierHistory(customerId), referrals.summary(customerId, clock.instant()));
    }

    @PostMapping("/accounts/{customerId}/adjustments")
    public LoyaltyAccount adjust(@PathVariable String customerId, @RequestBody Adjustment adjustment,
            Principal principal) {
        if (adjustment.points() == null) {
            throw new IllegalArgumentException("points: is required");
        }
        return loyalty.adjust(customerId, adjustment.points(), adjustment.reason(), AdminActor.of(principal));
    }

    /** CSV of opening balances ({@code customerId,points[,reason]}); all rows or none, errors per row. */
    @PostMapping(value = "/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<Object> importBalances(@RequestBody String csv, Principal principal) {
        ImportResult result = loyalty.importOpeningBalances(csv, AdminActor.of(principal));
        if (result.accepted()) {
            return ResponseEntity.ok(result);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                result.errors().size() + " rows refused; nothing was imported");
        problem.setTitle("Import refused");
        problem.setType(URI.create("https://retention.dev/problems/bad-request"));
        problem.setProperty("field", "file");
        problem.setProperty("errors", result.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The last ledger check; {@code refresh=true} recomputes every account now. */
    @GetMapping("/drift")
    public DriftReport drift(@RequestParam(defaultValue = "false") boolean refresh) {
        return refresh ? loyalty.verify(null) : loyalty.lastDriftReport();
    }
}
