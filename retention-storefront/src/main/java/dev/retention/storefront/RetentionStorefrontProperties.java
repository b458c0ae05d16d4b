package dev.retention.storefront;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shopper-facing web settings, under {@code retention.storefront.*}.
 *
 * @param security whether Retention Kit secures {@code /retention/**} itself (false: the host's chain does it)
 * @param guestPaths paths under {@code /retention/} that guests may call (the rest need a signed-in shopper)
 */
@ConfigurationProperties("retention.storefront")
public record RetentionStorefrontProperties(@DefaultValue("true") boolean security,
        @DefaultValue({"/retention/api/loyalty/estimate", "/retention/api/recommendations",
            "/retention/api/recommendations/**", "/retention/api/feedback/**", "/retention/m/**",
            "/retention/widget/**"}) List<String> guestPaths) {
}
