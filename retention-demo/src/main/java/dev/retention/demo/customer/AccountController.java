package dev.retention.demo.customer;

import dev.retention.demo.checkout.ShopDiscounts;
import dev.retention.demo.order.Orders;
import dev.retention.demo.order.ShopOrder;
import dev.retention.demo.web.ShopSecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in and registration pages, the account page with order history, profile, consent and account deletion. */
@Controller
public class AccountController {

    static final List<String> ZONES = List.of("UTC", "Europe/London", "Europe/Lisbon", "Europe/Bucharest",
            "Europe/Warsaw", "America/Sao_Paulo", "America/New_York", "America/Los_Angeles");

    private final CustomerService service;
    private final Customers customers;
    private final Orders orders;
    private final ShopDiscounts discounts;

    public AccountController(CustomerService service, Customers customers, Orders orders, ShopDiscounts discounts) {
        this.service = service;
        this.customers = customers;
        this.orders = orders;
        this.discounts = discounts;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/register")
    String registerForm(@RequestParam(required = false) String ref, Model model) {
        model.addAttribute("ref", ref);
        model.addAttribute("zones", ZONES);
        return "register";
    }

    @PostMapping("/register")
    String register(@RequestParam String email, @RequestParam String password, @RequestParam String displayName,
            @RequestParam(defaultValue = "en") String locale, @RequestParam(defaultValue = "UTC") String timeZone,
            @RequestParam(required = false) LocalDate birthday, @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(required = false) String referralCode, RedirectAttributes redirect, Model model) {
        String error = null;
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
            error = "Enter a valid e-mail address.";
        } else if (password.length() < 4 || password.length() > 100) {
            error = "Choose a password of 4 to 100 characters.";
        } else if (displayName.isBlank() || displayName.length() > 120) {
            error = "Tell us your name (up to 120 characters).";
        }
        if (error == null) {
            try {
                service.register(email, password, displayName.trim(), locale, timeZone, birthday, consent, "web",
                        referralCode);
                redirect.addFlashAttribute("message", "Welcome to Retention Goods, " + displayName.trim()
                        + "! Sign in with your new account.");
                return "redirect:/login";
            } catch (CustomerService.EmailTakenException e) {
                error = "This e-mail address is already registered; sign in instead.";
            }
        }
        model.addAttribute("error", error);
        model.addAttribute("ref", referralCode);
        model.addAttribute("zones", ZONES);
        return "register";
    }

    @GetMapping("/account")
    String account(Principal principal, Model model) {
        Customer customer = current(principal);
        model.addAttribute("customer", customer);
        model.addAttribute("orders", orders.ofCustomer(customer.id()));
        model.addAttribute("storeCredit", discounts.storeCreditBalance(customer.id()));
        model.addAttribute("zones", ZONES);
        return "account";
    }

    @GetMapping("/account/orders/{id}")
    String order(@PathVariable long id, Principal principal, Model model) {
        Customer customer = current(principal);
        ShopOrder order = orders.byId(id).filter(o -> o.customerId() == customer.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", order);
        model.addAttribute("refunds", orders.refunds(id));
        return "order";
    }

    @PostMapping("/account/profile")
    String profile(@RequestParam String displayName, @RequestParam String locale, @RequestParam String timeZone,
            @RequestParam(required = false) LocalDate birthday, Principal principal, RedirectAttributes redirect) {
        Customer customer = current(principal);
        if (displayName.isBlank() || displayName.length() > 120 || !ZONES.contains(timeZone)) {
            redirect.addFlashAttribute("error", "Check your name and time zone.");
            return "redirect:/account";
        }
        service.updateProfile(customer.id(), displayName.trim(), locale, ZoneId.of(timeZone).getId(), birthday);
        redirect.addFlashAttribute("message", "Your details are saved.");
        return "redirect:/account";
    }

    @PostMapping("/account/consent")
    String consent(@RequestParam(defaultValue = "false") boolean consent, Principal principal,
            RedirectAttributes redirect) {
        service.changeConsent(current(principal).id(), consent);
        redirect.addFlashAttribute("message", consent ? "You will hear about offers by e-mail."
                : "You will no longer get marketing e-mails.");
        return "redirect:/account";
    }

    @PostMapping("/account/delete")
    String delete(@RequestParam(defaultValue = "") String confirm, Principal principal, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!"DELETE".equals(confirm)) {
            redirect.addFlashAttribute("error", "Type DELETE to confirm.");
            return "redirect:/account";
        }
        service.erase(current(principal).id());
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/?accountDeleted";
    }

    private Customer current(Principal principal) {
        return ShopSecurityConfiguration.customerOf(principal, customers).flatMap(customers::byId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Sign in as a shopper"));
    }
}
