package dev.retention.demo.admin;

import dev.retention.demo.catalog.Catalog;
import dev.retention.demo.catalog.Product;
import dev.retention.demo.mail.SentMessages;
import dev.retention.demo.order.OrderAdminService;
import dev.retention.demo.order.OrderState;
import dev.retention.demo.order.Orders;
import dev.retention.demo.order.ShopOrder;
import dev.retention.demo.web.ShopEvents;
import dev.retention.ingest.RetentionEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shop's back office (role ADMIN): orders, stock and the mail outbox. */
@Controller
public class AdminController {

    private static final int PAGE_SIZE = 50;

    private final Orders orders;
    private final OrderAdminService service;
    private final Catalog catalog;
    private final SentMessages mail;
    private final RetentionEvents events;
    private final Clock clock;

    public AdminController(Orders orders, OrderAdminService service, Catalog catalog, SentMessages mail,
            RetentionEvents events, Clock clock) {
        this.orders = orders;
        this.service = service;
        this.catalog = catalog;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/orders";
    }

    @GetMapping("/admin/orders")
    String orders(@RequestParam(required = false) OrderState status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        int safePage = Math.max(0, page);
        model.addAttribute("orders", orders.recent(status, safePage, PAGE_SIZE));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderState.values());
        model.addAttribute("page", safePage);
        model.addAttribute("total", orders.count(status));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "admin/orders";
    }

    @GetMapping("/admin/orders/{id}")
    String order(@PathVariable long id, Model model) {
        ShopOrder order = orders.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", order);
        model.addAttribute("refunds", orders.refunds(id));
        return "admin/order";
    }

    @PostMapping("/admin/orders/{id}/deliver")
    String deliver(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.deliver(id), "Marked delivered.");
    }

    @PostMapping("/admin/orders/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.cancel(id, reason), "Order cancelled.");
    }

    /** Line quantities come as {@code qty_<lineNo>}; with none, {@code amount} is refunded. */
    @PostMapping("/admin/orders/{id}/refund")
    String refund(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<Integer, Integer> quantities = new HashMap<>();
        BigDecimal amount = null;
        try {
            for (Map.Entry<String, String> entry : form.entrySet()) {
                if (entry.getKey().startsWith("qty_") && !entry.getValue().isBlank()) {
                    quantities.put(Integer.parseInt(entry.getKey().substring(4)), Integer.parseInt(entry.getValue().trim()));
                }
            }
            String rawAmount = form.getOrDefault("amount", "").trim();
            amount = rawAmount.isEmpty() ? null : new BigDecimal(rawAmount);
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "Quantities and amount must be numbers.");
            return "redirect:/admin/orders/" + id;
        }
        quantities.values().removeIf(q -> q == 0);
        BigDecimal refundAmount = amount;
        return act(id, redirect, () -> service.refund(id, quantities, refundAmount, form.get("reason")), "Refund recorded.");
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String message) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (OrderAdminService.OrderActionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/orders/" + id;
    }

    @GetMapping("/admin/products")
    String products(Model model) {
        model.addAttribute("products", catalog.all());
        return "admin/products";
    }

    /** Sets stock; going from none to some publishes ProductRestocked (back-in-stock messages hang off it). */
    @PostMapping("/admin/products/{id}/stock")
    @Transactional
    public String stock(@PathVariable long id, @RequestParam int stock, RedirectAttributes redirect) {
        if (stock < 0 || stock > 100_000) {
            redirect.addFlashAttribute("error", "Stock must be between 0 and 100000.");
            return "redirect:/admin/products";
        }
        Product before = catalog.updateStock(id, stock)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (before.stock() == 0 && stock > 0) {
            events.publish(ShopEvents.restocked(before, before.restockCount() + 1, stock, clock.instant()));
        }
        redirect.addFlashAttribute("message", before.name() + ": stock set to " + stock + ".");
        return "redirect:/admin/products";
    }

    @GetMapping("/admin/mail")
    String mail(@RequestParam(required = false) Long id, Model model) {
        model.addAttribute("messages", mail.recent(100));
        model.addAttribute("selected", id == null ? null : mail.byId(id).orElse(null));
        return "admin/mail";
    }
}
