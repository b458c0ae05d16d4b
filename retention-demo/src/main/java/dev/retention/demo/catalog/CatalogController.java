package dev.retention.demo.catalog;

import dev.retention.demo.customer.Customers;
import dev.retention.demo.review.Reviews;
import dev.retention.demo.web.ShopSecurityConfiguration;
import dev.retention.demo.web.ShopSession;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Home, category, product and search pages, product images and the review form. */
@Controller
public class CatalogController {

    private final Catalog catalog;
    private final Browsing browsing;
    private final Reviews reviews;
    private final Customers customers;
    private final Clock clock;

    public CatalogController(Catalog catalog, Browsing browsing, Reviews reviews, Customers customers, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.browsing = browsing;
        this.reviews = reviews;
        this.customers = customers;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("bestSellers", catalog.bestSellers(clock.instant().minus(Duration.ofDays(90)), 8));
        model.addAttribute("newArrivals", catalog.newArrivals(4));
        return "home";
    }

    @GetMapping("/categories/{id}")
    String category(@PathVariable String id, @RequestParam(defaultValue = "name") String sort, Model model) {
        Category category = catalog.category(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("category", category);
        model.addAttribute("sort", sort);
        model.addAttribute("products", catalog.inCategory(id, sort));
        return "category";
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.trim();
        model.addAttribute("q", query);
        model.addAttribute("products", query.isEmpty() ? List.of() : catalog.search(query));
        return "search";
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable long id, HttpServletRequest request, Principal principal, Model model) {
        Product product = catalog.product(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String sessionId = ShopSession.id(request);
        Optional<Long> customerId = ShopSecurityConfiguration.customerOf(principal, customers);
        browsing.viewed(id, sessionId, customerId);
        model.addAttribute("product", product);
        model.addAttribute("category", catalog.category(product.categoryId()).orElseThrow());
        model.addAttribute("variants", catalog.variants(product.variantGroup()));
        model.addAttribute("reviews", reviews.of(id));
        model.addAttribute("rating", reviews.summary(id));
        model.addAttribute("mayReview", customerId.map(c -> reviews.mayReview(c, id)).orElse(false));
        model.addAttribute("recentlyViewed", browsing.recentlyViewed(sessionId, id, 4));
        return "product";
    }

    @PostMapping("/products/{id}/reviews")
    String review(@PathVariable long id, @RequestParam int rating, @RequestParam String title,
            @RequestParam String body, Principal principal, RedirectAttributes redirect) {
        long customerId = ShopSecurityConfiguration.customerOf(principal, customers)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (!reviews.mayReview(customerId, id)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only customers who bought it can review");
        }
        if (rating < 1 || rating > 5 || title.isBlank() || title.length() > 120 || body.length() > 2000) {
            redirect.addFlashAttribute("error", "Give a rating from 1 to 5, a title (up to 120 characters) and a review.");
            return "redirect:/products/" + id + "#reviews";
        }
        reviews.submit(customerId, id, rating, title, body);
        redirect.addFlashAttribute("message", "Thank you for your review!");
        return "redirect:/products/" + id + "#reviews";
    }

    @GetMapping(value = "/images/products/{id}.svg")
    ResponseEntity<String> image(@PathVariable long id) {
        Product product = catalog.product(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(ProductImages.svg(product));
    }
}
