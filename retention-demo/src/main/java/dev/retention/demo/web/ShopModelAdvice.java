package dev.retention.demo.web;

import dev.retention.demo.cart.CartService;
import dev.retention.demo.catalog.Catalog;
import dev.retention.demo.catalog.Category;
import dev.retention.demo.customer.Customers;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every shop page's header needs: categories and the cart's item count. */
@ControllerAdvice(basePackages = "dev.retention.demo")
public class ShopModelAdvice {

    private final Catalog catalog;
    private final CartService carts;
    private final Customers customers;

    public ShopModelAdvice(Catalog catalog, CartService carts, Customers customers) {
        this.catalog = catalog;
        this.carts = carts;
        this.customers = customers;
    }

    @ModelAttribute("categories")
    List<Category> categories() {
        return catalog.categories();
    }

    @ModelAttribute("cartCount")
    int cartCount(HttpServletRequest request, Principal principal) {
        if (request.getSession(false) == null && principal == null) {
            return 0;
        }
        return carts.current(request.getSession(), ShopSession.id(request),
                ShopSecurityConfiguration.customerOf(principal, customers)).itemCount();
    }
}
