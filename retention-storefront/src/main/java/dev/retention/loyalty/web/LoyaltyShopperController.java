package dev.retention.loyalty.web;

import dev.retention.loyalty.LedgerEntry;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.LoyaltySummary;
import dev.retention.loyalty.Redemptions;
import dev.retention.loyalty.Reservation;
import dev.retention.loyalty.RewardOffer;
import dev.retention.storefront.ShopperResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's loyalty API. Every endpoint except the estimate acts for the signed-in shopper only: the customer
 * id always comes from {@link ShopperResolver}, never from the request.
 */
@RestController
@RequestMapping("/retention/api/loyalty")
public class LoyaltyShopperController {

    private final Loyalty loyalty;
    private final Redemptions redemptions;
    private final ShopperResolver shoppers;

    public LoyaltyShopperController(Loyalty loyalty, Redemptions redemptions, ShopperResolver shoppers) {
        this.loyalty = loyalty;
        this.redemptions = redemptions;
        this.shoppers = shoppers;
    }

    /** One ledger line as the shopper sees it. */
    public record HistoryEntry(String type, long points, long pendingPoints, String reason, String orderId,
            Instant createdAt) {
        static HistoryEntry of(LedgerEntry e) {
            return new HistoryEntry(e.type().name(), e.points(), e.pendingPoints(), e.reason(), e.orderId(),
                    e.occurredAt());
        }
    }

    public record HistoryPage(int page, int size, long total, List<HistoryEntry> entries) {
    }

    /** A redemption request: a catalogue reward or an amount of points, for a checkout. */
    public record RedemptionRequest(String checkoutId, String rewardId, Long points, BigDecimal cartTotal) {
    }

    public record Estimate(BigDecimal cartTotal, long points) {
    }

    @GetMapping("/summary")
    public LoyaltySummary summary(HttpServletRequest request) {
        return loyalty.summary(shoppers.requireCustomerId(request));
    }

    @GetMapping("/history")
    public HistoryPage history(HttpServletRequest request, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        String customerId = shoppers.requireCustomerId(request);
        List<HistoryEntry> entries = loyalty.history(customerId, page, size).stream().map(HistoryEntry::of).toList();
        return new HistoryPage(page, size, loyalty.historySize(customerId), entries);
    }

    @GetMapping("/rewards")
    public List<RewardOffer> rewards(HttpServletRequest request,
            @RequestParam(required = false) BigDecimal cartTotal) {
        return loyalty.rewardsFor(shoppers.requireCustomerId(request), cartTotal);
    }

    @PostMapping("/redemptions")
    public ResponseEntity<Reservation> redeem(HttpServletRequest request, @RequestBody RedemptionRequest body) {
        Reservation reservation = redemptions.reserve(shoppers.requireCustomerId(request),
                new Redemptions.Request(body.checkoutId(), body.rewardId(), body.points(), body.cartTotal()));
        return ResponseEntity.status(HttpStatus.CREATED).body(reservation);
    }

    @DeleteMapping("/redemptions/{checkoutId}")
    public ResponseEntity<Void> cancel(HttpServletRequest request, @PathVariable String checkoutId) {
        redemptions.cancel(shoppers.requireCustomerId(request), checkoutId);
        return ResponseEntity.noContent().build();
    }

    /** (guest) Points a cart of this total would earn, before tier multipliers. */
    @GetMapping("/estimate")
    public Estimate estimate(@RequestParam BigDecimal cartTotal) {
        return new Estimate(cartTotal, loyalty.estimate(cartTotal));
    }
}
