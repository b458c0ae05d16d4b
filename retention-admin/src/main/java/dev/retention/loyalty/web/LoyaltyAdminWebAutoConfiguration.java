package dev.retention.loyalty.web;

import dev.retention.admin.RetentionAdminAutoConfiguration;
import dev.retention.autoconfigure.RetentionLoyaltyAutoConfiguration;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.ProgrammeSettings;
import dev.retention.referral.Referrals;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the loyalty admin endpoints and programme settings when the loyalty programme is on. */
@AutoConfiguration(after = {RetentionLoyaltyAutoConfiguration.class, RetentionAdminAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({Loyalty.class, ProgrammeSettings.class, Referrals.class})
public class LoyaltyAdminWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LoyaltyAdminController retentionLoyaltyAdminController(Loyalty loyalty, Referrals referrals, Clock clock) {
        return new LoyaltyAdminController(loyalty, referrals, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ProgrammeSettingsController retentionProgrammeSettingsController(ProgrammeSettings settings) {
        return new ProgrammeSettingsController(settings);
    }
}
