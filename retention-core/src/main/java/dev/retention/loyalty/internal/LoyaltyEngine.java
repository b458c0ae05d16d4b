package dev.retention.loyalty.internal;

import dev.retention.host.CustomerRegistered;
import dev.retention.host.OrderCancelled;
import dev.retention.host.OrderCompleted;
import dev.retention.host.OrderLine;
import dev.retention.host.OrderPlaced;
import dev.retention.host.OrderRefunded;
import dev.retention.host.ReviewSubmitted;
import dev.retention.ingest.Timers;
import dev.retention.loyalty.EarningRule;
import dev.retention.loyalty.LedgerEntryType;
import dev.retention.loyalty.LoyaltyAccount;
import dev.retention.loyalty.LoyaltySettings;
import dev.retention.loyalty.ProgrammeSettings;
import dev.retention.loyalty.TierChanged;
import dev.retention.loyalty.TierPolicy;
import dev.retention.loyalty.internal.Ledger.Posting;
import dev.retention.referral.Referral;
import dev.retention.referral.Referrals;
import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme's reactions to host events and business timers: pending points per order, confirmation after the
 * return window, pro-rata clawback and redeemed-points return on cancel/refund, action bonuses, referrals and
 * tiers. Runs inside the inbox (or timer) transaction; every write goes through {@link Ledger} under the
 * account lock with an idempotency key, so a replayed event changes nothing.
 */
public class LoyaltyEngine {

    public static final String CONFIRM_TIMER = "loyalty.confirm";
    public static final String BIRTHDAY_TIMER = "loyalty.birthday";
    public static final String ANNIVERSARY_TIMER = "loyalty.anniversary";
    public static final String TIER_REVIEW_TIMER = "loyalty.tier-review";

    private static final Logger log = LoggerFactory.getLogger(LoyaltyEngine.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProgrammeSettings settings;
    private final Timers timers;
    private final Referrals referrals;
    private final CheckoutReservations reservations;
    private final ApplicationEventPublisher events;
    private final String insertOrder;
    private final boolean keyFirst;

    public LoyaltyEngine(JdbcClient jdbc, DatabaseVendor vendor, Ledger ledger, ProgrammeSettings settings,
            Timers timers, Referrals referrals, CheckoutReservations reservations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.timers = timers;
        this.referrals = referrals;
        this.reservations = reservations;
        this.events = events;
        this.insertOrder = vendor.insertIgnoring("rtn_loyalty_order", "order_id, customer_id, checkout_id, placed_at,"
                + " status, basis, merchandise, earned, pending, rule_version, redeemed, categories,"
                + " address_fingerprint, payment_fingerprint", "order_id");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
    }

    /** The per-order earning state. */
    record OrderRow(String orderId, String customerId, String status, BigDecimal basis, BigDecimal refunded,
            long earned, long pending, long clawed, int ruleVersion, long redeemed, long redeemReturned,
            String checkoutId) {
    }

    // ---------------------------------------------------------------- registration and actions

    public void registered(CustomerRegistered event) {
        Instant at = event.occurredAt();
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = ledger.lock(event.customerId(), at);
        earnBonus(account, rules, rules.earning().bonuses().signUp(), "signup", "Welcome bonus",
                "signup:" + event.customerId(), event.eventId(), at);
        if (event.referralCode() != null && !event.referralCode().isBlank()) {
            referrals.signedUp(event.customerId(), event.email(), event.referralCode(), at)
                    .ifPresent(r -> log.info("referral.signed-up friend={} referrer={} status={}", r.friendId(),
                            r.referrerId(), r.status()));
        }
        if (event.birthday() != null) {
            scheduleBirthday(event.customerId(), MonthDay.from(event.birthday()), at, event.birthday().toString());
        }
        timers.schedule(ANNIVERSARY_TIMER, event.customerId() + ":1", at.atZone(ZoneOffset.UTC).plusYears(1)
                .toInstant(), "1");
    }

    public void birthday(String customerId, Instant at, String birthday) {
        LoyaltySettings rules = settings.loyalty(at);
        int year = LocalDate.ofInstant(at, ZoneOffset.UTC).getYear();
        LoyaltyAccount account = ledger.lock(customerId, at);
        earnBonus(account, rules, rules.earning().bonuses().birthday(), "birthday", "Birthday bonus " + year,
                "birthday:" + customerId + ":" + year, null, at);
        scheduleBirthday(customerId, MonthDay.from(LocalDate.parse(birthday)), at.plusSeconds(86_400), birthday);
    }

    public void anniversary(String customerId, Instant at, int years) {
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = ledger.lock(customerId, at);
        earnBonus(account, rules, rules.earning().bonuses().anniversary(), "anniversary",
                "Account anniversary (" + years + (years == 1 ? " year)" : " years)"),
                "anniversary:" + customerId + ":" + years, null, at);
        timers.schedule(ANNIVERSARY_TIMER, customerId + ":" + (years + 1),
                at.atZone(ZoneOffset.UTC).plusYears(1).toInstant(), String.valueOf(years + 1));
    }

    /** An approved review earns once per review id, at most {@code reviewsPerMonth} per calendar month. */
    public void reviewed(ReviewSubmitted review) {
        if (!review.approved()) {
            return;
        }
        Instant at = review.occurredAt();
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = ledger.lock(review.customerId(), at);
        Instant monthStart = LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        if (countSince(review.customerId(), "review", monthStart) >= rules.limits().reviewsPerMonth()) {
            log.info("loyalty.cap-reached customer={} action=review", review.customerId());
            return;
        }
        earnBonus(account, rules, rules.earning().bonuses().review(), "review",
                "Approved review of " + review.productId(), "review:" + review.reviewId(), review.eventId(), at);
    }

    /** A social share earns once per {@code sharePeriodDays}. Returns the points given (0 when capped). */
    public long shared(String customerId, Instant at) {
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = ledger.lock(customerId, at);
        referrals.recordShare(customerId, at);
        long period = LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay() / rules.limits().sharePeriodDays();
        long points = rules.earning().bonuses().socialShare();
        boolean given = earnBonus(account, rules, points, "share", "Shared the shop",
                "share:" + customerId + ":" + period, null, at);
        return given ? points : 0;
    }

    private boolean earnBonus(LoyaltyAccount account, LoyaltySettings rules, long points, String source,
            String reason, String key, String eventId, Instant at) {
        if (points <= 0) {
            return false;
        }
        boolean credited = ledger.credit(account, new Posting(account.customerId(), LedgerEntryType.EARN, points, 0,
                source, reason, eventId, null, null, rules.earning().version(), key, at, null),
                rules.expiry().expiresAt(at, at));
        if (credited) {
            ledger.touch(account.customerId(), at, rules.expiry());
            evaluateUpgrade(account.customerId(), at);
        }
        return credited;
    }

    private void scheduleBirthday(String customerId, MonthDay birthday, Instant after, String payload) {
        LocalDate from = LocalDate.ofInstant(after, ZoneOffset.UTC);
        LocalDate next = birthday.atYear(from.getYear());
        if (next.isBefore(from)) {
            next = birthday.atYear(from.getYear() + 1);
        }
        timers.schedule(BIRTHDAY_TIMER, customerId + ":" + next.getYear(),
                next.atStartOfDay().toInstant(ZoneOffset.UTC), payload);
    }

    private long countSince(String customerId, String source, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_entry WHERE customer_id = ? AND source = ?"
                        + " AND occurred_at >= ? AND points > 0")
                .params(customerId, source, UtcTime.toColumn(since)).query(Long.class).single();
    }

    // ---------------------------------------------------------------- orders

    public void placed(OrderPlaced order) {
        Instant at = order.occurredAt();
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = ledger.lock(order.customerId(), at);
        long redeemed = 0;
        if (order.checkoutId() != null) {
            redeemed = reservations.commit(account, order.checkoutId(), order.orderId(), order.eventId(), at);
        }
        boolean first = jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_order WHERE customer_id = ?")
                .param(order.customerId()).query(Long.class).single() == 0;
        EarningRule rule = rules.earning();
        long points = rule.pointsFor(order, account.tier());
        StringBuilder reason = new StringBuilder("Order " + order.orderId());
        if (first && rule.bonuses().firstPurchase() > 0) {
            points += rule.bonuses().firstPurchase();
            reason.append(" + first purchase bonus");
        }
        if (first && friendEligible(order)) {
            points += rule.bonuses().referredFriend();
            reason.append(" + referred friend bonus");
        }
        Set<String> categories = new LinkedHashSet<>();
        for (OrderLine line : order.lines()) {
            if (line.category() != null) {
                categories.add(line.category());
            }
        }
        var insert = jdbc.sql(insertOrder);
        if (keyFirst) {
            insert = insert.param(order.orderId());
        }
        int inserted = insert.param(order.orderId()).param(order.customerId()).param(order.checkoutId())
                .param(UtcTime.toColumn(at)).param("PENDING").param(EarningRule.basis(order))
                .param(order.baseTotals().subtotal()).param(points).param(points).param(rule.version())
                .param(redeemed).param(truncate(String.join(",", categories)))
                .param(order.addressFingerprint()).param(order.paymentFingerprint())
                .update();
        if (inserted == 0) {
            return;
        }
        if (points > 0) {
            ledger.pending(account, new Posting(order.customerId(), LedgerEntryType.EARN_PENDING, 0, points, "order",
                    reason.toString(), order.eventId(), order.orderId(), order.checkoutId(), rule.version(),
                    "earn:" + order.orderId(), at, null));
        }
        ledger.touch(order.customerId(), at, rules.expiry());
        evaluateUpgrade(order.customerId(), at);
    }

    private boolean friendEligible(OrderPlaced order) {
        Optional<Referral> referral = referrals.find(order.customerId());
        if (referral.isEmpty() || !"SIGNED_UP".equals(referral.get().status())) {
            return false;
        }
        String referrer = referral.get().referrerId();
        boolean sameAddress = order.addressFingerprint() != null && jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_order"
                        + " WHERE customer_id = ? AND address_fingerprint = ?")
                .params(referrer, order.addressFingerprint()).query(Long.class).single() > 0;
        boolean samePayment = order.paymentFingerprint() != null && jdbc.sql("SELECT COUNT(*) FROM rtn_loyalty_order"
                        + " WHERE customer_id = ? AND payment_fingerprint = ?")
                .params(referrer, order.paymentFingerprint()).query(Long.class).single() > 0;
        return referrals.firstOrder(order.customerId(), order.orderId(), order.occurredAt(), sameAddress, samePayment);
    }

    public void completed(OrderCompleted event) {
        Optional<OrderRow> order = peek(event.orderId());
        if (order.isEmpty() || !"PENDING".equals(order.get().status())) {
            return;
        }
        jdbc.sql("UPDATE rtn_loyalty_order SET completed_at = ? WHERE order_id = ? AND completed_at IS NULL")
                .params(UtcTime.toColumn(event.occurredAt()), event.orderId()).update();
        LoyaltySettings rules = settings.loyalty(event.occurredAt());
        timers.schedule(CONFIRM_TIMER, event.orderId(), event.occurredAt().plus(rules.returnWindow()), null);
    }

    /** The return window ended: the order's remaining pending points become spendable. */
    public void confirm(String orderId, Instant at) {
        Optional<LockedOrder> locked = lockAccountThenOrder(orderId, at);
        if (locked.isEmpty() || !"PENDING".equals(locked.get().order().status())) {
            return;
        }
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = locked.get().account();
        OrderRow order = locked.get().order();
        if (order.pending() > 0) {
            ledger.credit(account, new Posting(order.customerId(), LedgerEntryType.CONFIRMED, order.pending(),
                    -order.pending(), "order", "Order " + orderId + " confirmed after the return window", null,
                    orderId, order.checkoutId(), order.ruleVersion(), "confirm:" + orderId, at, null),
                    rules.expiry().expiresAt(at, at));
            ledger.touch(order.customerId(), at, rules.expiry());
        }
        jdbc.sql("UPDATE rtn_loyalty_order SET status = 'CONFIRMED', pending = 0, confirmed_at = ? WHERE order_id = ?")
                .params(UtcTime.toColumn(at), orderId).update();
        if (order.pending() > 0) {
            rewardReferrer(order.customerId(), orderId, rules, at);
        }
    }

    private void rewardReferrer(String friendId, String orderId, LoyaltySettings rules, Instant at) {
        Optional<Referral> referral = referrals.awaitingReward(friendId, orderId);
        if (referral.isEmpty()) {
            return;
        }
        long points = rules.earning().bonuses().referrer();
        String referrer = referral.get().referrerId();
        if (points > 0) {
            LoyaltyAccount account = ledger.lock(referrer, at);
            ledger.credit(account, new Posting(referrer, LedgerEntryType.REFERRAL_BONUS, points, 0, "referral",
                    "Referred a friend whose first order confirmed", null, orderId, null, rules.earning().version(),
                    "referral:" + friendId, at, null), rules.expiry().expiresAt(at, at));
            ledger.touch(referrer, at, rules.expiry());
            evaluateUpgrade(referrer, at);
        }
        referrals.rewarded(friendId, points, at);
        log.info("referral.rewarded friend={} referrer={} points={}", friendId, referrer, points);
    }

    public void cancelled(OrderCancelled event) {
        Instant at = event.occurredAt();
        Optional<LockedOrder> locked = lockAccountThenOrder(event.orderId(), at);
        if (locked.isEmpty()) {
            return;
        }
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = locked.get().account();
        OrderRow order = locked.get().order();
        if ("CANCELLED".equals(order.status())) {
            return;
        }
        String key = "cancel:" + order.orderId();
        takeBack(account, order, order.earned() - order.clawed(), key, event.eventId(),
                "Order " + order.orderId() + " cancelled", rules, at);
        jdbc.sql("UPDATE rtn_loyalty_order SET status = 'CANCELLED', pending = 0, clawed = earned WHERE order_id = ?")
                .param(order.orderId()).update();
        timers.cancel(CONFIRM_TIMER, order.orderId());
        returnRedeemed(order, order.redeemed() - order.redeemReturned(), "return:" + key, event.eventId(),
                "Points redeemed on cancelled order " + order.orderId() + " returned", rules, at);
    }

    /**
     * A refund claws back the order's points pro rata to the refunded share of its basis, cumulatively (rounded
     * half up; a full refund takes exactly what was earned), from the points recorded with the rule version used
     * when they were earned. Redeemed points come back in the same proportion.
     */
    public void refunded(OrderRefunded event) {
        Instant at = event.occurredAt();
        Optional<LockedOrder> locked = lockAccountThenOrder(event.orderId(), at);
        if (locked.isEmpty()) {
            return;
        }
        LoyaltySettings rules = settings.loyalty(at);
        LoyaltyAccount account = locked.get().account();
        OrderRow order = locked.get().order();
        String key = "refund:" + event.refundId();
        if ("CANCELLED".equals(order.status()) || ledger.applied(key)) {
            return;
        }
        BigDecimal refunded = order.refunded().add(event.baseAmount());
        BigDecimal share = order.basis().signum() == 0 || refunded.compareTo(order.basis()) >= 0 ? BigDecimal.ONE
                : refunded.divide(order.basis(), 12, RoundingMode.HALF_UP);
        long clawTarget = proRata(order.earned(), share);
        long returnTarget = proRata(order.redeemed(), share);
        takeBack(account, order, clawTarget - order.clawed(), key, event.eventId(),
                "Refund " + event.refundId() + " on order " + order.orderId() + " (" + share.movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP) + "% refunded)", rules, at);
        boolean pending = "PENDING".equals(order.status());
        jdbc.sql("UPDATE rtn_loyalty_order SET refunded = ?, clawed = ?, pending = ? WHERE order_id = ?")
                .params(refunded, clawTarget, pending ? order.earned() - clawTarget : 0, order.orderId()).update();
        returnRedeemed(order, returnTarget - order.redeemReturned(), "return:" + key, event.eventId(),
                "Points redeemed on order " + order.orderId() + " returned for refund " + event.refundId(), rules, at);
    }

    static long proRata(long points, BigDecimal share) {
        if (share.compareTo(BigDecimal.ONE) >= 0) {
            return points;
        }
        return BigDecimal.valueOf(points).multiply(share).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Always appends the CLAWBACK entry (also for zero points), so each cancel or refund is recorded once. */
    private void takeBack(LoyaltyAccount account, OrderRow order, long points, String key, String eventId,
            String reason, LoyaltySettings rules, Instant at) {
        long amount = Math.max(0, points);
        Posting base = new Posting(order.customerId(), LedgerEntryType.CLAWBACK, 0, 0, "order", reason, eventId,
                order.orderId(), order.checkoutId(), order.ruleVersion(), key, at, null);
        if ("PENDING".equals(order.status()) || amount == 0) {
            long pendingDrop = "PENDING".equals(order.status()) ? Math.min(amount, order.pending()) : 0;
            ledger.pending(account, base.withKey(key, LedgerEntryType.CLAWBACK, 0, -pendingDrop, reason));
            return;
        }
        ledger.clawBack(account, base, amount, rules.negativeBalance());
    }

    private void returnRedeemed(OrderRow order, long points, String key, String eventId, String reason,
            LoyaltySettings rules, Instant at) {
        if (points <= 0) {
            return;
        }
        Optional<CheckoutReservations.Committed> committed = reservations.committedFor(order.orderId());
        if (committed.isEmpty()) {
            return;
        }
        LoyaltyAccount account = ledger.lock(order.customerId(), at);
        ledger.restore(account, new Posting(order.customerId(), LedgerEntryType.REDEEM_RETURN, points, 0, "order",
                reason, eventId, order.orderId(), order.checkoutId(), null, key, at, null),
                ledger.usesOf(committed.get().reserveEntry()), order.redeemReturned(), rules.expiry());
        jdbc.sql("UPDATE rtn_loyalty_order SET redeem_returned = redeem_returned + ? WHERE order_id = ?")
                .params(points, order.orderId()).update();
    }

    /**
     * Reads the order without a lock, to learn whose account to lock. Locks are always taken account first, then
     * order ({@link #order}); taking them the other way round deadlocks with a replayed OrderPlaced.
     */
    Optional<OrderRow> peek(String orderId) {
        return read(orderId, "");
    }

    /** An order together with its account, both row-locked. */
    record LockedOrder(LoyaltyAccount account, OrderRow order) {
    }

    /**
     * Locks the order's account, then the order, in the one order every writer uses; empty for an unknown order.
     */
    Optional<LockedOrder> lockAccountThenOrder(String orderId, Instant at) {
        Optional<OrderRow> found = peek(orderId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LoyaltyAccount account = ledger.lock(found.get().customerId(), at);
        return Optional.of(new LockedOrder(account, order(orderId).orElseThrow()));
    }

    /** Reads the order with a row lock; call only while holding its account's lock. */
    Optional<OrderRow> order(String orderId) {
        return read(orderId, " FOR UPDATE");
    }

    private Optional<OrderRow> read(String orderId, String lock) {
        return jdbc.sql("SELECT * FROM rtn_loyalty_order WHERE order_id = ?" + lock).param(orderId)
                .query((rs, n) -> new OrderRow(rs.getString("order_id"), rs.getString("customer_id"),
                        rs.getString("status"), rs.getBigDecimal("basis"), rs.getBigDecimal("refunded"),
                        rs.getLong("earned"), rs.getLong("pending"), rs.getLong("clawed"), rs.getInt("rule_version"),
                        rs.getLong("redeemed"), rs.getLong("redeem_returned"), rs.getString("checkout_id")))
                .optional();
    }

    // ---------------------------------------------------------------- tiers

    /** The tier-qualifying value at {@code at}: points earned or money spent in the policy's window. */
    public BigDecimal qualifying(String customerId, Instant at) {
        TierPolicy policy = settings.tiers();
        Instant from = policy.windowStart(at);
        if (policy.basis() == TierPolicy.Basis.AMOUNT_SPENT) {
            return jdbc.sql("SELECT COALESCE(SUM(basis - refunded), 0) FROM rtn_loyalty_order WHERE customer_id = ?"
                            + " AND status <> 'CANCELLED' AND placed_at >= ? AND placed_at <= ?")
                    .params(customerId, UtcTime.toColumn(from), UtcTime.toColumn(at)).query(BigDecimal.class).single();
        }
        Long points = jdbc.sql("SELECT COALESCE(SUM(CASE WHEN entry_type = 'EARN_PENDING' THEN pending_points"
                        + " WHEN entry_type IN ('EARN', 'REFERRAL_BONUS', 'IMPORT') THEN points"
                        + " WHEN entry_type IN ('CLAWBACK', 'DEBT') THEN points + pending_points ELSE 0 END), 0)"
                        + " FROM rtn_loyalty_entry WHERE customer_id = ? AND occurred_at >= ? AND occurred_at <= ?")
                .params(customerId, UtcTime.toColumn(from), UtcTime.toColumn(at)).query(Long.class).single();
        return BigDecimal.valueOf(points);
    }

    /** Upgrades at once when the qualifying value reaches a higher tier. */
    public void evaluateUpgrade(String customerId, Instant at) {
        TierPolicy policy = settings.tiers();
        if (policy.tiers().isEmpty()) {
            return;
        }
        LoyaltyAccount account = ledger.find(customerId).orElseThrow();
        String target = policy.tierFor(qualifying(customerId, at)).map(TierPolicy.Tier::name).orElse(null);
        if (policy.rank(target) > policy.rank(account.tier())) {
            changeTier(account, target, at, "qualified");
            timers.schedule(TIER_REVIEW_TIMER, customerId + ":" + policy.reviewAt(at), policy.reviewAt(at), customerId);
        }
    }

    /** At the end of the period plus grace: downgrade when the shopper no longer qualifies, else review later. */
    public void reviewTier(String customerId, Instant at) {
        TierPolicy policy = settings.tiers();
        LoyaltyAccount account = ledger.lock(customerId, at);
        if (account.tier() == null) {
            return;
        }
        String target = policy.tierFor(qualifying(customerId, at)).map(TierPolicy.Tier::name).orElse(null);
        if (policy.rank(target) < policy.rank(account.tier())) {
            changeTier(account, target, at, "period review");
        }
        if (target != null) {
            timers.schedule(TIER_REVIEW_TIMER, customerId + ":" + policy.reviewAt(at), policy.reviewAt(at), customerId);
        }
    }

    private void changeTier(LoyaltyAccount account, String target, Instant at, String reason) {
        ledger.setTier(account.customerId(), target, at);
        jdbc.sql("INSERT INTO rtn_loyalty_tier_change (customer_id, from_tier, to_tier, changed_at, reason)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(account.customerId(), account.tier(), target, UtcTime.toColumn(at), reason).update();
        log.info("loyalty.tier-changed customer={} from={} to={} reason={}", account.customerId(), account.tier(),
                target, reason);
        events.publishEvent(new TierChanged(account.customerId(), account.tier(), target, at, reason));
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
