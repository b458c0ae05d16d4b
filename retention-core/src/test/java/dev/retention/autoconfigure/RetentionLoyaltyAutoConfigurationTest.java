package dev.retention.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.ingest.RetentionJobs;
import dev.retention.loyalty.Loyalty;
import dev.retention.loyalty.ProgrammeSettings;
import dev.retention.loyalty.Redemptions;
import dev.retention.privacy.PrivacyService;
import dev.retention.referral.Referrals;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RetentionLoyaltyAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, RetentionIngestAutoConfiguration.class,
                    RetentionCustomerAutoConfiguration.class, RetentionPrivacyAutoConfiguration.class,
                    RetentionLoyaltyAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:loyalty-autoconfig-" + java.util.UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "retention.inbox.worker=false");

    @Test
    void theProgrammeIsWiredWithItsJobsAndPrivacySection() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Loyalty.class).hasSingleBean(Redemptions.class)
                    .hasSingleBean(Referrals.class).hasSingleBean(ProgrammeSettings.class);
            assertThat(context.getBean(RetentionJobs.class).statuses()).extracting(RetentionJobs.JobStatus::name)
                    .contains("loyalty-expiry", "loyalty-drift");
            assertThat(context.getBean(PrivacyService.class).sections()).contains("loyalty");
        });
    }

    @Test
    void propertiesBecomeTheDefaultSettings() {
        runner.withPropertyValues("retention.loyalty.points-per-unit=2", "retention.loyalty.return-window=14d",
                        "retention.loyalty.negative-balance=CLAMP", "retention.loyalty.tiers[0].name=VIP",
                        "retention.loyalty.tiers[0].threshold=300")
                .run(context -> {
                    ProgrammeSettings settings = context.getBean(ProgrammeSettings.class);
                    assertThat(settings.loyalty().earning().pointsPerUnit()).isEqualByComparingTo(BigDecimal.valueOf(2));
                    assertThat(settings.loyalty().returnWindowDays()).isEqualTo(14);
                    assertThat(settings.loyalty().negativeBalance().name()).isEqualTo("CLAMP");
                    assertThat(settings.tiers().tiers()).extracting(t -> t.name()).containsExactly("VIP");
                });
    }

    @Test
    void itCanBeSwitchedOffAndTheHostsOwnBeansWin() {
        runner.withPropertyValues("retention.loyalty.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Loyalty.class).doesNotHaveBean(Redemptions.class));
        runner.withBean("hostReferrals", Referrals.class, () -> new Referrals(null,
                        dev.retention.support.DatabaseVendor.H2, null, null))
                .run(context -> assertThat(context.getBean(Referrals.class)).isSameAs(context.getBean("hostReferrals")));
    }
}
