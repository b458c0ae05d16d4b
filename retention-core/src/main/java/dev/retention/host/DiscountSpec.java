package dev.retention.host;

import java.math.BigDecimal;
import java.util.Objects;

/** What a reward or offer gives at checkout; the host's {@link DiscountPort} turns it into its own promotion. */
public sealed interface DiscountSpec {

    /** A fixed amount off the order, in the given currency. */
    record AmountOff(BigDecimal amount, String currency) implements DiscountSpec {
        public AmountOff {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("amount: must be positive, was " + amount.toPlainString());
            }
        }
    }

    /** A percentage off the merchandise subtotal, never more than {@code cap} (null cap = uncapped). */
    record PercentOff(BigDecimal percent, BigDecimal cap, String currency) implements DiscountSpec {
        public PercentOff {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("percent: must be in (0, 100], was " + percent.toPlainString());
            }
        }
    }

    /** Free standard shipping on the order. */
    record FreeShipping() implements DiscountSpec {
    }

    /** One unit of a product added at no charge. */
    record FreeProduct(String productId) implements DiscountSpec {
        public FreeProduct {
            Objects.requireNonNull(productId, "productId");
        }
    }
}
