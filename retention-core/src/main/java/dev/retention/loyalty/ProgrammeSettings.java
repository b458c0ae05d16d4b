package dev.retention.loyalty;

import dev.retention.audit.AuditLog;
import dev.retention.referral.ReferralPolicy;
import dev.retention.support.UtcTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme settings in force: defaults from {@code retention.loyalty.*}, overridden by versions saved from
 * the admin console (table rtn_loyalty_settings). Every save is audited with the before and after JSON; the
 * loyalty section's version is the earning-rule version recorded on ledger entries. Versions are cached for five
 * seconds (a save on another node is seen within that time).
 */
public class ProgrammeSettings {

    /** The editable sections. */
    public enum Section {
        LOYALTY, TIERS, REWARDS, REFERRALS;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Section of(String key) {
            return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new java.util.NoSuchElementException("No settings section '" + key
                            + "'; known: loyalty, tiers, rewards, referrals"));
        }
    }

    /** The rewards section: the catalogue. */
    public record Rewards(List<Reward> rewards) {
        public Rewards {
            rewards = List.copyOf(rewards == null ? List.of() : rewards);
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < rewards.size(); i++) {
                if (!ids.add(rewards.get(i).id())) {
                    throw new IllegalArgumentException("rewards[" + i + "].id: duplicate id " + rewards.get(i).id());
                }
            }
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final LoyaltySettings defaultLoyalty;
    private final TierPolicy defaultTiers;
    private final Rewards defaultRewards;
    private final ReferralPolicy defaultReferrals;
    private final String currency;

    public ProgrammeSettings(JdbcClient jdbc, AuditLog audit, Clock clock, LoyaltySettings loyalty, TierPolicy tiers,
            List<Reward> rewards, ReferralPolicy referrals, String currency) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        this.defaultLoyalty = loyalty.withEarning(loyalty.earning().withVersion(1));
        this.defaultTiers = tiers;
        this.defaultRewards = new Rewards(rewards);
        this.defaultReferrals = referrals;
        this.currency = currency;
    }

    /** The shop's base currency, in which rewards and the earning basis are expressed. */
    public String currency() {
        return currency;
    }

    /** The loyalty settings in force now. */
    public LoyaltySettings loyalty() {
        return loyalty(clock.instant());
    }

    /** The loyalty settings (and earning-rule version) in force at a business time. */
    public LoyaltySettings loyalty(Instant at) {
        return latest(Section.LOYALTY, at).map(row -> {
            LoyaltySettings settings = cached(row, LoyaltySettings.class);
            return settings.withEarning(settings.earning().withVersion(row.version()));
        }).orElse(defaultLoyalty);
    }

    public TierPolicy tiers() {
        return latest(Section.TIERS, clock.instant()).map(r -> cached(r, TierPolicy.class)).orElse(defaultTiers);
    }

    public List<Reward> rewards() {
        return latest(Section.REWARDS, clock.instant()).map(r -> cached(r, Rewards.class))
                .orElse(defaultRewards).rewards();
    }

    public Optional<Reward> reward(String id) {
        return rewards().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public ReferralPolicy referrals() {
        return latest(Section.REFERRALS, clock.instant()).map(r -> cached(r, ReferralPolicy.class))
                .orElse(defaultReferrals);
    }

    /** The section in force as a JSON-ready value. */
    public Object get(Section section) {
        return switch (section) {
            case LOYALTY -> loyalty();
            case TIERS -> tiers();
            case REWARDS -> new Rewards(rewards());
            case REFERRALS -> referrals();
        };
    }

    /**
     * Validates and saves a new version of a section, effective now, and audits the change. An invalid body is
     * refused with an {@link IllegalArgumentException} whose message starts with the offending field.
     */
    public Object update(Section section, String body, String actor, String reason) {
        Class<?> type = switch (section) {
            case LOYALTY -> LoyaltySettings.class;
            case TIERS -> TierPolicy.class;
            case REWARDS -> Rewards.class;
            case REFERRALS -> ReferralPolicy.class;
        };
        Object value = parse(body, type);
        String before = json.writeValueAsString(get(section));
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 1) FROM rtn_loyalty_settings WHERE section = ?")
                .param(section.key()).query(Integer.class).single() + 1;
        if (value instanceof LoyaltySettings loyalty) {
            value = loyalty.withEarning(loyalty.earning().withVersion(version));
        }
        String after = json.writeValueAsString(value);
        jdbc.sql("INSERT INTO rtn_loyalty_settings (section, version, body, effective_from, changed_by)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(section.key(), version, after, UtcTime.toColumn(clock.instant()), actor)
                .update();
        audit.record(actor, "settings", section.key(), "update", reason, before, after);
        cache.remove(section);
        return value;
    }

    private record Row(int version, String body, Instant effectiveFrom) {
    }

    private record Versions(long loadedAt, List<Row> rows) {
    }

    /** Versions of each section, newest first; reloaded after {@link #CACHE_NANOS} or a local save. */
    private final java.util.Map<Section, Versions> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long CACHE_NANOS = 5_000_000_000L;

    private Optional<Row> latest(Section section, Instant at) {
        Versions versions = cache.get(section);
        if (versions == null || System.nanoTime() - versions.loadedAt() > CACHE_NANOS) {
            versions = new Versions(System.nanoTime(), jdbc.sql("SELECT version, body, effective_from"
                            + " FROM rtn_loyalty_settings WHERE section = ? ORDER BY version DESC")
                    .param(section.key())
                    .query((rs, n) -> new Row(rs.getInt("version"), rs.getString("body"),
                            UtcTime.read(rs, "effective_from")))
                    .list());
            cache.put(section, versions);
        }
        return versions.rows().stream().filter(row -> !row.effectiveFrom().isAfter(at)).findFirst();
    }

    private final java.util.Map<String, Object> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private <T> T cached(Row row, Class<T> type) {
        return (T) parsed.computeIfAbsent(type.getName() + "#" + row.body().hashCode() + "#" + row.version(),
                key -> parse(row.body(), type));
    }

    private <T> T parse(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (DatabindException e) {
            Throwable cause = e.getCause();
            while (cause != null) {
                if (cause instanceof IllegalArgumentException invalid) {
                    throw invalid;
                }
                cause = cause.getCause();
            }
            String path = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            throw new IllegalArgumentException(path + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body: not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
