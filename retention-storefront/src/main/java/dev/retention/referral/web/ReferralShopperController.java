package dev.retention.referral.web;

import dev.retention.loyalty.Loyalty;
import dev.retention.referral.ReferralSummary;
import dev.retention.referral.Referrals;
import dev.retention.storefront.ShopperResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in shopper's referral code, link and funnel; sharing the link earns the share bonus once a period. */
@RestController
@RequestMapping("/retention/api/referral")
public class ReferralShopperController {

    private final Referrals referrals;
    private final Loyalty loyalty;
    private final ShopperResolver shoppers;
    private final Clock clock;

    public ReferralShopperController(Referrals referrals, Loyalty loyalty, ShopperResolver shoppers, Clock clock) {
        this.referrals = referrals;
        this.loyalty = loyalty;
        this.shoppers = shoppers;
        this.clock = clock;
    }

    public record ShareResult(long pointsEarned) {
    }

    @GetMapping
    public ReferralSummary referral(HttpServletRequest request) {
        return referrals.summary(shoppers.requireCustomerId(request), clock.instant());
    }

    @PostMapping("/shares")
    public ShareResult shared(HttpServletRequest request) {
        return new ShareResult(loyalty.recordShare(shoppers.requireCustomerId(request)));
    }
}
