package dev.retention.loyalty.internal;

import dev.retention.ingest.Timer;
import dev.retention.ingest.TimerHandler;
import dev.retention.loyalty.Redemptions;
import dev.retention.privacy.PrivacyService;

/** The programme's business-time timers. Each fires at its due time, the business time its rules use. */
public final class LoyaltyTimerHandlers {

    private LoyaltyTimerHandlers() {
    }

    /** Pending points of an order confirm when its return window ends. */
    public record ConfirmPoints(LoyaltyEngine engine) implements TimerHandler {
        @Override
        public String kind() {
            return LoyaltyEngine.CONFIRM_TIMER;
        }

        @Override
        public void fire(Timer timer) {
            engine.confirm(timer.key(), timer.dueAt());
        }
    }

    /** A reservation no order used within the timeout is released. Key: checkoutId:generation. */
    public record ReleaseReservation(Redemptions redemptions) implements TimerHandler {
        @Override
        public String kind() {
            return CheckoutReservations.TIMEOUT_TIMER;
        }

        @Override
        public void fire(Timer timer) {
            int colon = timer.key().lastIndexOf(':');
            redemptions.timeout(timer.key().substring(0, colon), Integer.parseInt(timer.key().substring(colon + 1)));
        }
    }

    /** Birthday bonus; key customerId:year, payload the birthday. */
    public record Birthday(LoyaltyEngine engine, PrivacyService privacy) implements TimerHandler {
        @Override
        public String kind() {
            return LoyaltyEngine.BIRTHDAY_TIMER;
        }

        @Override
        public void fire(Timer timer) {
            String customerId = timer.key().substring(0, timer.key().lastIndexOf(':'));
            if (!privacy.isErased(customerId)) {
                engine.birthday(customerId, timer.dueAt(), timer.payload());
            }
        }
    }

    /** Account anniversary bonus; key customerId:years. */
    public record Anniversary(LoyaltyEngine engine, PrivacyService privacy) implements TimerHandler {
        @Override
        public String kind() {
            return LoyaltyEngine.ANNIVERSARY_TIMER;
        }

        @Override
        public void fire(Timer timer) {
            String customerId = timer.key().substring(0, timer.key().lastIndexOf(':'));
            if (!privacy.isErased(customerId)) {
                engine.anniversary(customerId, timer.dueAt(), Integer.parseInt(timer.payload()));
            }
        }
    }

    /** Tier review at period end plus grace; key customerId:reviewInstant, payload the customer id. */
    public record TierReview(LoyaltyEngine engine) implements TimerHandler {
        @Override
        public String kind() {
            return LoyaltyEngine.TIER_REVIEW_TIMER;
        }

        @Override
        public void fire(Timer timer) {
            engine.reviewTier(timer.payload(), timer.dueAt());
        }
    }
}
