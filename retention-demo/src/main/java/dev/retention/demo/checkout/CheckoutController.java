package dev.retention.demo.checkout;

import dev.retention.demo.cart.CartService;
import dev.retention.demo.cart.CartView;
import dev.retention.demo.customer.Customers;
import dev.retention.demo.order.ShopOrder;
import dev.retention.demo.web.ShopSecurityConfiguration;
import dev.retention.demo.web.ShopSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Checkout in two steps: address (and coupon), then the fake payment. */
@Controller
public class CheckoutController {

    static final String ADDRESS = "shop.checkout.address";
    static final String COUPON = "shop.checkout.coupon";

    private final CartService carts;
    private final CheckoutService checkout;
    private final Customers customers;

    public CheckoutController(CartService carts, CheckoutService checkout, Customers customers) {
        this.carts = carts;
        this.checkout = checkout;
        this.customers = customers;
    }

    @GetMapping("/checkout")
    String checkout(HttpServletRequest request, Principal principal, Model model) {
        long customerId = customerId(principal);
        CartView cart = cart(request, customerId);
        if (cart.isEmpty()) {
            return "redirect:/cart";
        }
        HttpSession session = request.getSession();
        Quote quote = checkout.quote(cart, customerId, (String) session.getAttribute(COUPON));
        checkout.start(cart, customerId, ShopSession.id(request), quote.total());
        CheckoutService.Address address = (CheckoutService.Address) session.getAttribute(ADDRESS);
        model.addAttribute("cart", cart);
        model.addAttribute("quote", quote);
        model.addAttribute("coupon", session.getAttribute(COUPON));
        model.addAttribute("address", address != null ? address
                : new CheckoutService.Address(customers.byId(customerId).orElseThrow().displayName(), "", "", "", ""));
        return "checkout";
    }

    @PostMapping("/checkout/coupon")
    String coupon(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Principal principal,
            RedirectAttributes redirect) {
        long customerId = customerId(principal);
        CartView cart = cart(request, customerId);
        if (code.isBlank()) {
            request.getSession().removeAttribute(COUPON);
        } else if (checkout.couponUsable(code, customerId, cart.subtotal())) {
            request.getSession().setAttribute(COUPON, code.trim().toUpperCase());
            redirect.addFlashAttribute("message", "Coupon applied.");
        } else {
            redirect.addFlashAttribute("error", "This coupon is not valid for your cart.");
        }
        return "redirect:/checkout";
    }

    @PostMapping("/checkout")
    String address(@RequestParam String name, @RequestParam String street, @RequestParam String postcode,
            @RequestParam String city, @RequestParam String country, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (name.isBlank() || street.isBlank() || postcode.isBlank() || city.isBlank() || country.isBlank()
                || (name + street + postcode + city + country).length() > 280) {
            redirect.addFlashAttribute("error", "Please fill in the whole delivery address.");
            return "redirect:/checkout";
        }
        request.getSession().setAttribute(ADDRESS,
                new CheckoutService.Address(name.trim(), street.trim(), postcode.trim(), city.trim(), country.trim()));
        return "redirect:/checkout/payment";
    }

    @GetMapping("/checkout/payment")
    String payment(HttpServletRequest request, Principal principal, Model model) {
        long customerId = customerId(principal);
        CartView cart = cart(request, customerId);
        Object address = request.getSession().getAttribute(ADDRESS);
        if (cart.isEmpty() || address == null) {
            return "redirect:/checkout";
        }
        model.addAttribute("cart", cart);
        model.addAttribute("address", address);
        model.addAttribute("quote", checkout.quote(cart, customerId, (String) request.getSession().getAttribute(COUPON)));
        return "payment";
    }

    @PostMapping("/checkout/payment")
    String pay(@RequestParam String cardNumber, HttpServletRequest request, Principal principal,
            RedirectAttributes redirect) {
        long customerId = customerId(principal);
        HttpSession session = request.getSession();
        CheckoutService.Address address = (CheckoutService.Address) session.getAttribute(ADDRESS);
        if (address == null) {
            return "redirect:/checkout";
        }
        try {
            ShopOrder order = checkout.place(cart(request, customerId), customerId, address,
                    (String) session.getAttribute(COUPON), cardNumber, "web");
            session.removeAttribute(COUPON);
            redirect.addFlashAttribute("message", "Thank you! Your order " + order.id() + " is placed.");
            return "redirect:/account/orders/" + order.id();
        } catch (CheckoutService.CheckoutException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/checkout/payment";
        }
    }

    private CartView cart(HttpServletRequest request, long customerId) {
        return carts.current(request.getSession(), ShopSession.id(request), java.util.Optional.of(customerId));
    }

    private long customerId(Principal principal) {
        return ShopSecurityConfiguration.customerOf(principal, customers)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Sign in as a shopper to check out"));
    }
}
