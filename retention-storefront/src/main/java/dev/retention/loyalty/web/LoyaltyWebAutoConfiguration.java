package dev.retention.loyalty.web;

import dev.retention.autoconfigure.RetentionLoyaltyAutoConfiguration;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.Redemptions;
import dev.retention.referral.Referrals;
import dev.retention.referral.web.ReferralShopperController;
import dev.retention.storefront.RetentionStorefrontAutoConfiguration;
import dev.retention.storefront.ShopperResolver;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the shopper loyalty and referral endpoints when the loyalty programme is on. */
@AutoConfiguration(after = {RetentionLoyaltyAutoConfiguration.class, RetentionStorefrontAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({Loyalty.class, Redemptions.class, Referrals.class, ShopperResolver.class})
public class LoyaltyWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LoyaltyShopperController retentionLoyaltyShopperController(Loyalty loyalty, Redemptions redemptions,
            ShopperResolver shoppers) {
        return new LoyaltyShopperController(loyalty, redemptions, shoppers);
    }

    @Bean
    @ConditionalOnMissingBean
    ReferralShopperController retentionReferralShopperController(Referrals referrals, Loyalty loyalty,
            ShopperResolver shoppers, Clock clock) {
        return new ReferralShopperController(referrals, loyalty, shoppers, clock);
    }
}
