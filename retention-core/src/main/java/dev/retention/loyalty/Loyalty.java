package dev.retention.loyalty;

import dev.retention.audit.AuditLog;
import dev.retention.loyalty.internal.Ledger;
import dev.retention.loyalty.internal.Ledger.Posting;
import dev.retention.loyalty.internal.LoyaltyEngine;
import dev.retention.support.UtcTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loyalty programme's public service: what shoppers and admins read, manual adjustments, opening-balance
 * imports, the social-share action and the ledger verifier (metric {@code retention.loyalty.drift}: accounts
 * whose cached balance disagrees with their ledger at the last check).
 */
public class Loyalty {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final LoyaltyEngine engine;
    private final ProgrammeSettings settings;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AtomicLong drifting = new AtomicLong();
    private volatile DriftReport lastReport;

    public Loyalty(JdbcClient jdbc, Ledger ledger, LoyaltyEngine engine, ProgrammeSettings settings, AuditLog audit,
            TransactionTemplate tx, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.engine = engine;
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        Gauge.builder("retention.loyalty.drift", drifting, AtomicLong::get)
                .description("Loyalty accounts whose cached balance disagrees with the ledger at the last check")
                .register(meters);
    }

    public Optional<LoyaltyAccount> account(String customerId) {
        return ledger.find(customerId);
    }

    public List<LedgerEntry> history(String customerId, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page: page must be >= 0 and size between 1 and 200");
        }
        return ledger.entries(customerId, page, size);
    }

    public long historySize(String customerId) {
        return ledger.entryCount(customerId);
    }

    public List<TierChange> tierHistory(String customerId) {
        return jdbc.sql("SELECT from_tier, to_tier, changed_at, reason FROM rtn_loyalty_tier_change"
                        + " WHERE customer_id = ? ORDER BY id")
                .param(customerId)
                .query((rs, n) -> new TierChange(rs.getString("from_tier"), rs.getString("to_tier"),
                        UtcTime.read(rs, "changed_at"), rs.getString("reason")))
                .list();
    }

    /** Balance, pending, tier progress and points expiring within the warning period. */
    public LoyaltySummary summary(String customerId) {
        Instant now = clock.instant();
        LoyaltySettings rules = settings.loyalty(now);
        TierPolicy tiers = settings.tiers();
        LoyaltyAccount account = ledger.find(customerId).orElse(new LoyaltyAccount(customerId, 0, 0, 0, 0, null, null,
                0, now, now));
        BigDecimal qualifying = engine.qualifying(customerId, now);
        Optional<TierPolicy.Tier> next = tiers.next(account.tier());
        record Expiring(long points, Instant first) {
        }
        Expiring expiring = jdbc.sql("SELECT COALESCE(SUM(remaining), 0) AS points, MIN(expires_at) AS first"
                        + " FROM rtn_loyalty_lot WHERE customer_id = ? AND remaining > 0 AND expires_at <= ?")
                .params(customerId, UtcTime.toColumn(now.plus(rules.expiry().warning())))
                .query((rs, n) -> new Expiring(rs.getLong("points"), UtcTime.read(rs, "first"))).single();
        return new LoyaltySummary(customerId, account.balance(), account.pending(), account.tier(), qualifying,
                next.map(TierPolicy.Tier::name).orElse(null),
                next.map(t -> t.threshold().subtract(qualifying).max(BigDecimal.ZERO)).orElse(null),
                expiring.points(), expiring.first(),
                rules.redemption().pointValue().multiply(BigDecimal.valueOf(Math.max(0, account.balance()))));
    }

    /** Points a cart would earn for a guest (no tier multiplier), with the rule in force now. */
    public long estimate(BigDecimal cartTotal) {
        if (cartTotal == null || cartTotal.signum() < 0) {
            throw new IllegalArgumentException("cartTotal: must be zero or more");
        }
        Instant now = clock.instant();
        return settings.loyalty(now).earning().pointsFor(cartTotal, null, now);
    }

    /**
     * Rewards the shopper may redeem now, ranked for them: affordable first, then by affinity with the categories
     * they bought (rewards tied to a category they buy most rank higher), then by value per point.
     */
    public List<RewardOffer> rewardsFor(String customerId, BigDecimal cartTotal) {
        Instant now = clock.instant();
        LoyaltyAccount account = ledger.find(customerId).orElse(null);
        long balance = account == null ? 0 : account.balance();
        String tier = account == null ? null : account.tier();
        Map<String, Integer> affinity = new HashMap<>();
        int orders = 0;
        for (String categories : jdbc.sql("SELECT categories FROM rtn_loyalty_order WHERE customer_id = ?"
                + " AND status <> 'CANCELLED'").param(customerId).query(String.class).list()) {
            orders++;
            if (categories != null) {
                Set<String> seen = new HashSet<>(List.of(categories.split(",")));
                seen.forEach(c -> affinity.merge(c, 1, Integer::sum));
            }
        }
        BigDecimal pointValue = settings.loyalty(now).redemption().pointValue();
        List<RewardOffer> offers = new ArrayList<>();
        for (Reward reward : settings.rewards()) {
            if (!reward.availableTo(tier, now, cartTotal)) {
                continue;
            }
            double categoryScore = reward.category() == null || orders == 0 ? 0
                    : affinity.getOrDefault(reward.category(), 0) / (double) orders;
            double value = reward.value() == null ? 0 : reward.kind() == Reward.Kind.PERCENT_OFF
                    ? 0 : reward.value().doubleValue() / (reward.pointsCost() * pointValue.doubleValue());
            offers.add(new RewardOffer(reward, reward.pointsCost() <= balance, 2 * categoryScore
                    + Math.min(value, 2) / 2 + (tier != null && reward.tiers().contains(tier) ? 0.5 : 0)));
        }
        offers.sort(Comparator.comparing(RewardOffer::affordable).reversed()
                .thenComparing(Comparator.comparingDouble(RewardOffer::score).reversed())
                .thenComparingLong(o -> o.reward().pointsCost()));
        return offers;
    }

    /** Manual correction with a mandatory reason, audited; a debit larger than the balance is refused. */
    public LoyaltyAccount adjust(String customerId, long points, String reason, String actor) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId: is required");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: is required");
        }
        if (points == 0) {
            throw new IllegalArgumentException("points: must not be zero");
        }
        Instant now = clock.instant();
        LoyaltySettings rules = settings.loyalty(now);
        return tx.execute(status -> {
            LoyaltyAccount account = ledger.lock(customerId, now);
            Posting posting = new Posting(customerId, LedgerEntryType.ADJUST, points, 0, "admin", reason.trim(),
                    null, null, null, null, "adjust:" + UUID.randomUUID(), now, actor);
            if (points > 0) {
                ledger.credit(account, posting, rules.expiry().expiresAt(now, now));
            } else {
                ledger.debit(account, posting);
            }
            audit.record(actor, "loyalty-account", customerId, "adjust", reason.trim(),
                    String.valueOf(account.balance()), String.valueOf(account.balance() + points));
            return ledger.find(customerId).orElseThrow();
        });
    }

    /**
     * Imports opening balances from CSV ({@code customerId,points[,reason]}, optional header). Every row is checked
     * first; if any is wrong nothing is imported and the errors come back per row. A customer can be imported
     * once.
     */
    public ImportResult importOpeningBalances(String csv, String actor) {
        List<ImportResult.RowError> errors = new ArrayList<>();
        record Row(String customerId, long points, String reason) {
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = csv == null ? new String[0] : csv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            int number = i + 1;
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("customer"))) {
                continue;
            }
            String[] cells = line.split(",", 3);
            String customerId = cells[0].trim();
            if (customerId.isEmpty() || customerId.length() > 200) {
                errors.add(new ImportResult.RowError(number, "customerId", "is required (at most 200 characters)"));
                continue;
            }
            if (!seen.add(customerId)) {
                errors.add(new ImportResult.RowError(number, "customerId", "appears twice in the file"));
                continue;
            }
            long points;
            try {
                points = Long.parseLong(cells.length > 1 ? cells[1].trim() : "");
            } catch (NumberFormatException e) {
                errors.add(new ImportResult.RowError(number, "points", "is not a whole number"));
                continue;
            }
            if (points <= 0) {
                errors.add(new ImportResult.RowError(number, "points", "must be positive"));
                continue;
            }
            if (ledger.applied("import:" + customerId)) {
                errors.add(new ImportResult.RowError(number, "customerId", "already has an imported balance"));
                continue;
            }
            String reason = cells.length > 2 && !cells[2].isBlank() ? cells[2].trim() : "Opening balance";
            rows.add(new Row(customerId, points, reason));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportResult.RowError(1, "file", "contains no rows"));
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, 0, errors);
        }
        Instant now = clock.instant();
        LoyaltySettings rules = settings.loyalty(now);
        tx.executeWithoutResult(status -> {
            for (Row row : rows) {
                LoyaltyAccount account = ledger.lock(row.customerId(), now);
                if (!ledger.credit(account, new Posting(row.customerId(), LedgerEntryType.IMPORT, row.points(), 0,
                        "import", row.reason(), null, null, null, null, "import:" + row.customerId(), now, actor),
                        rules.expiry().expiresAt(now, now))) {
                    throw new IllegalArgumentException("customerId: " + row.customerId() + " was imported meanwhile");
                }
            }
            audit.record(actor, "loyalty-import", null, "import", rows.size() + " opening balances", null,
                    String.valueOf(rows.stream().mapToLong(Row::points).sum()));
        });
        return new ImportResult(rows.size(), rows.stream().mapToLong(Row::points).sum(), List.of());
    }

    /** The shopper shared the shop; earns the share bonus once per period. Returns the points given. */
    public long recordShare(String customerId) {
        Instant now = clock.instant();
        return tx.execute(status -> engine.shared(customerId, now));
    }

    /** Recomputes every account from the ledger and lots (all of them: {@code prefix} null). */
    public DriftReport verify(String prefix) {
        long[] counted = new long[1];
        List<DriftReport.Drift> drift = ledger.verify(prefix, counted);
        String like = (prefix == null ? "" : prefix) + "%";
        record Totals(long debt, long shortfall) {
        }
        Totals totals = jdbc.sql("SELECT COALESCE(SUM(debt), 0) AS debt, COALESCE(SUM(shortfall), 0) AS shortfall"
                        + " FROM rtn_loyalty_account WHERE customer_id LIKE ?")
                .param(like).query((rs, n) -> new Totals(rs.getLong("debt"), rs.getLong("shortfall"))).single();
        DriftReport report = new DriftReport(clock.instant(), counted[0], drift, totals.debt(), totals.shortfall());
        if (prefix == null) {
            drifting.set(drift.size());
            lastReport = report;
        }
        return report;
    }

    /** The last full check, or a fresh one if none ran yet. */
    public DriftReport lastDriftReport() {
        DriftReport report = lastReport;
        return report != null ? report : verify(null);
    }
}
