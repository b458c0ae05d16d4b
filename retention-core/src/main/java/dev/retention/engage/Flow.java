package dev.retention.engage;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The automated message flows. Marketing flows obey consent, frequency cap and holdout; transactional (account)
 * flows skip those but still honour an unsubscribe from that very flow. Quiet hours apply to every flow except
 * the order thank-you, which the shopper expects right after checkout.
 */
public enum Flow {

    WELCOME("welcome", true, List.of(Duration.ZERO, Duration.ofDays(3))),
    ABANDONED_CART("abandoned-cart", true, List.of(Duration.ofHours(1), Duration.ofHours(24))),
    BROWSE_ABANDONMENT("browse-abandonment", true, List.of(Duration.ofHours(4))),
    ORDER_THANK_YOU("order-thank-you", false, List.of(Duration.ZERO)),
    REVIEW_REQUEST("review-request", false, List.of(Duration.ofDays(7))),
    WIN_BACK("win-back", true, List.of(Duration.ZERO)),
    REPLENISHMENT("replenishment", true, List.of(Duration.ofDays(3))),
    BACK_IN_STOCK("back-in-stock", true, List.of(Duration.ZERO)),
    NEW_ARRIVALS("new-arrivals", true, List.of(Duration.ZERO)),
    BIRTHDAY("birthday", true, List.of(Duration.ZERO)),
    REFERRAL_INVITATION("referral-invitation", true, List.of(Duration.ofDays(1)));

    private final String key;
    private final boolean marketing;
    private final List<Duration> defaultDelays;

    Flow(String key, boolean marketing, List<Duration> defaultDelays) {
        this.key = key;
        this.marketing = marketing;
        this.defaultDelays = defaultDelays;
    }

    /** Stable name used in settings, tokens, reports and template names. */
    public String key() {
        return key;
    }

    public boolean marketing() {
        return marketing;
    }

    /**
     * Default delay of each step. Meaning per flow: after the trigger (welcome, carts, browse, thank-you, review,
     * referral); lead time before the expected re-order (replenishment); unused for win-back, stock, birthday.
     */
    public List<Duration> defaultDelays() {
        return defaultDelays;
    }

    /** The flow's name in message keys of the templates, e.g. {@code abandonedCart}. */
    public String messageKey() {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : this.key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    public static Flow ofKey(String key) {
        String wanted = key == null ? "" : key.toLowerCase(Locale.ROOT);
        for (Flow flow : values()) {
            if (flow.key.equals(wanted)) {
                return flow;
            }
        }
        throw new NoSuchElementException("No flow named '" + key + "'");
    }
}
