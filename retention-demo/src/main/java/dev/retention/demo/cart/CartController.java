package dev.retention.demo.cart;

import dev.retention.demo.customer.Customers;
import dev.retention.demo.web.ShopSecurityConfiguration;
import dev.retention.demo.web.ShopSession;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cart page and its forms. */
@Controller
public class CartController {

    private final CartService carts;
    private final Customers customers;

    public CartController(CartService carts, Customers customers) {
        this.carts = carts;
        this.customers = customers;
    }

    @GetMapping("/cart")
    String cart(HttpServletRequest request, Principal principal, Model model) {
        model.addAttribute("cart", carts.current(request.getSession(), ShopSession.id(request),
                ShopSecurityConfiguration.customerOf(principal, customers)));
        return "cart";
    }

    @PostMapping("/cart/add")
    String add(@RequestParam long productId, @RequestParam(defaultValue = "1") int quantity,
            HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        try {
            carts.add(request.getSession(), ShopSession.id(request),
                    ShopSecurityConfiguration.customerOf(principal, customers), productId, quantity);
            redirect.addFlashAttribute("message", "Added to your cart.");
        } catch (CartService.SoldOutException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "That product does not exist.");
        }
        return "redirect:/cart";
    }

    @PostMapping("/cart/update")
    String update(@RequestParam long productId, @RequestParam int quantity, HttpServletRequest request,
            Principal principal) {
        carts.update(request.getSession(), ShopSession.id(request),
                ShopSecurityConfiguration.customerOf(principal, customers), productId, quantity);
        return "redirect:/cart";
    }
}
