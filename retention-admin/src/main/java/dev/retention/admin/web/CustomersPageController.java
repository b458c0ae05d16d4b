package dev.retention.admin.web;

import dev.retention.admin.AdminActor;
import dev.retention.audit.AuditEntry;
import dev.retention.audit.AuditLog;
import dev.retention.customer.CustomerProfile;
import dev.retention.customer.CustomerProfiles;
import dev.retention.customer.OrderHistory;
import dev.retention.customer.OrderSummary;
import dev.retention.customer.web.CustomerAdminController;
import dev.retention.privacy.ErasureReceipt;
import dev.retention.privacy.PrivacyService;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import org.springframework.beans.factory.ObjectProvider;
import java.security.Principal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customer search and the customer view: profile, orders, privacy actions, audit trail, feature panels. */
@Controller
@RequestMapping("/admin/retention/customers")
public class CustomersPageController {

    static final int PAGE_SIZE = 25;
    static final int ORDERS_SHOWN = 20;

    private final CustomerProfiles profiles;
    private final OrderHistory orders;
    private final PrivacyService privacy;
    private final AuditLog audit;
    private final AdminApiEndpoints endpoints;
    private final Clock clock;
    private final ObjectProvider<CustomerAdminController.CustomerInsight> insights;

    public CustomersPageController(CustomerProfiles profiles, OrderHistory orders, PrivacyService privacy,
            AuditLog audit, AdminApiEndpoints endpoints, Clock clock,
            ObjectProvider<CustomerAdminController.CustomerInsight> insights) {
        this.insights = insights;
        this.profiles = profiles;
        this.orders = orders;
        this.privacy = privacy;
        this.audit = audit;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** A row of the search results. */
    public record CustomerRow(String customerId, String email, String displayName, String registeredAt,
            boolean erased) {
    }

    /** An order line of the customer view, amounts in the shop's base currency. */
    public record OrderRow(String orderId, String placedAt, String status, String currency, BigDecimal total,
            BigDecimal net, BigDecimal refunded, long pointsRedeemed) {
    }

    /** Totals over the customer's orders (cancelled orders do not count, refunds reduce revenue). */
    public record OrdersSummary(int orders, int cancelled, BigDecimal revenue, BigDecimal refunded,
            BigDecimal averageOrderValue, String currency, String firstOrderAt, String lastOrderAt) {
    }

    /** An audit entry as the page shows it. */
    public record AuditRow(String at, String actor, String entity, String entityId, String action, String reason,
            String before, String after) {

        static AuditRow of(AuditEntry e) {
            return new AuditRow(AdminViews.time(e.at()), e.actor(), e.entity(), e.entityId(), e.action(), e.reason(),
                    e.before(), e.after());
        }
    }

    @GetMapping
    public String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        int current = Math.max(0, page);
        String text = q.trim();
        // CustomerProfiles.search has a limit but no offset: read up to the end of this page plus one row.
        List<CustomerProfile> found = profiles.search(text, (current + 1) * PAGE_SIZE + 1);
        List<CustomerRow> rows = found.stream().skip((long) current * PAGE_SIZE).limit(PAGE_SIZE)
                .map(p -> new CustomerRow(p.customerId(), p.email(), p.displayName(),
                        AdminViews.time(p.registeredAt()), p.erased()))
                .toList();
        model.addAttribute("nav", "customers");
        model.addAttribute("q", text);
        model.addAttribute("customers", rows);
        model.addAttribute("pager", Pager.of(request, "page", current, found.size() > (current + 1) * PAGE_SIZE));
        return "retention-admin/customers";
    }

    @GetMapping("/{customerId}")
    public String customer(@PathVariable String customerId, @RequestParam(defaultValue = "0") int auditPage,
            HttpServletRequest request, Model model) {
        CustomerProfile profile = profiles.find(customerId)
                .orElseThrow(() -> new NoSuchElementException("No customer '" + customerId + "'"));
        List<OrderSummary> history = orders.ordersOf(customerId);
        int currentAudit = Math.max(0, auditPage);
        List<AuditEntry> entries = audit.list(null, customerId, currentAudit, PAGE_SIZE + 1);
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", profile);
        model.addAttribute("registeredAt", AdminViews.time(profile.registeredAt()));
        model.addAttribute("erasedAt", AdminViews.time(profile.erasedAt()));
        model.addAttribute("summary", summary(history));
        model.addAttribute("orders", history.stream().sorted(Comparator.comparing(OrderSummary::placedAt).reversed())
                .limit(ORDERS_SHOWN).map(CustomersPageController::order).toList());
        model.addAttribute("moreOrders", Math.max(0, history.size() - ORDERS_SHOWN));
        model.addAttribute("audit", entries.stream().limit(PAGE_SIZE).map(AuditRow::of).toList());
        model.addAttribute("auditPager", Pager.of(request, "auditPage", currentAudit, entries.size() > PAGE_SIZE));
        String base = "/admin/retention/api/";
        // Asked with a placeholder id: any customer id (even one with a slash) is served by the same endpoint.
        model.addAttribute("loyaltyAvailable", endpoints.get(base + "loyalty/accounts/c"));
        model.addAttribute("adjustAvailable", endpoints.exists(
                org.springframework.web.bind.annotation.RequestMethod.POST, base + "loyalty/accounts/c/adjustments"));
        model.addAttribute("insightsAvailable", insights.stream().findAny().isPresent());
        return "retention-admin/customer";
    }

    @PostMapping("/{customerId}/erase")
    public String erase(@PathVariable String customerId, @RequestParam(defaultValue = "") String confirm,
            Principal principal, RedirectAttributes redirect) {
        if (!customerId.equals(confirm.trim())) {
            redirect.addFlashAttribute("error", "Type the customer id to confirm the erasure; nothing was erased.");
            return "redirect:/admin/retention/customers/{customerId}";
        }
        String actor = AdminActor.of(principal);
        ErasureReceipt receipt = privacy.erase(customerId, actor, clock.instant());
        audit.record(actor, "customer", customerId, "erase", "data-subject request", null,
                String.join(",", receipt.sections()));
        redirect.addFlashAttribute("notice", "Personal data erased in: " + String.join(", ", receipt.sections())
                + ". Order totals and ledger amounts stay so reports still reconcile.");
        return "redirect:/admin/retention/customers/{customerId}";
    }

    private static OrderRow order(OrderSummary o) {
        return new OrderRow(o.orderId(), AdminViews.time(o.placedAt()), o.status().name().toLowerCase(Locale.ROOT),
                o.baseCurrency(), AdminViews.money(o.baseTotal()), AdminViews.money(o.netMerchandise()),
                AdminViews.money(o.refunded()), o.pointsRedeemed());
    }

    static OrdersSummary summary(List<OrderSummary> history) {
        CustomerAdminController.OrdersSummary totals = CustomerAdminController.OrdersSummary.of(history);
        return new OrdersSummary(totals.orders(), totals.cancelled(), totals.revenue(), totals.refunded(),
                totals.averageOrderValue(), totals.currency(), AdminViews.time(totals.firstOrderAt()),
                AdminViews.time(totals.lastOrderAt()));
    }
}
