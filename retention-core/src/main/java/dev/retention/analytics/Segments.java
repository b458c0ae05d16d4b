package dev.retention.analytics;

import static dev.retention.analytics.internal.ReportSql.COUNTED;

import dev.retention.support.DatabaseVendor;
import dev.retention.support.Problems;
import dev.retention.support.UtcTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saved customer segments: filters over RFM segment, predicted CLV, churn risk, last order, categories bought, locale,
 * marketing consent and loyalty tier, evaluated in SQL on every call (members are never stored, so a segment is always
 * current and erasure needs nothing here). Sizes are snapshotted once a day by the {@code analytics.segment-sizes} job.
 * The retargeting audience of a segment is its members with e-mail marketing consent and an e-mail address.
 */
public class Segments {

    /** A saved segment. */
    public record Segment(long id, String name, SegmentFilter filter, Instant createdAt, String createdBy) {
    }

    /** One member of a segment. */
    public record Member(String customerId, String email, String displayName, String locale,
            boolean marketingConsent) {
    }

    /** One page of members, {@code total} over all pages. */
    public record MemberPage(int page, int size, long total, List<Member> members) {
    }

    /** The size of a segment on one day. */
    public record Size(LocalDate day, long customers) {
    }

    /** One customer of a retargeting audience. */
    public record AudienceMember(String customerId, String email) {

        /** The e-mail as ad platforms expect it: trimmed, lower-case, SHA-256, hex. */
        public String hashedEmail() {
            return Segments.hashEmail(email);
        }
    }

    private static final String SEPARATOR = "\n";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final DatabaseVendor vendor;
    private final TransactionTemplate tx;
    private final ReportingSettings reporting;
    private final Clock clock;

    public Segments(JdbcTemplate template, DatabaseVendor vendor, TransactionTemplate tx,
            ReportingSettings reporting, Clock clock) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.vendor = vendor;
        this.tx = tx;
        this.reporting = reporting;
        this.clock = clock;
    }

    /** Saves a segment; the name must be 1 to 200 characters. */
    public Segment create(String name, SegmentFilter filter, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new Problems.FieldException(400, "Invalid segment", "name", "name: must be 1 to 200 characters");
        }
        Instant now = clock.instant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rtn_segment (name, rfm_segments, clv_min, clv_max, churn_risk, last_order_before,"
                        + " last_order_after, categories, locales, marketing_consent, tiers, created_at, created_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name.strip(), join(filter.rfmSegments().stream().map(Enum::name).toList()),
                        filter.clvMin(), filter.clvMax(),
                        join(filter.churnRisk().stream().map(Enum::name).toList()), date(filter.lastOrderBefore()),
                        date(filter.lastOrderAfter()), join(filter.categories()), join(filter.locales()),
                        filter.marketingConsent(), join(filter.tiers()), UtcTime.toColumn(now), createdBy)
                .update(key, vendor == DatabaseVendor.H2 ? "SEGMENT_ID" : "segment_id");
        return get(key.getKey().longValue()).orElseThrow();
    }

    /** Every saved segment, oldest first. */
    public List<Segment> list() {
        return jdbc.sql("SELECT * FROM rtn_segment ORDER BY segment_id").query(this::segment).list();
    }

    public Optional<Segment> get(long id) {
        return jdbc.sql("SELECT * FROM rtn_segment WHERE segment_id = ?").param(id).query(this::segment).optional();
    }

    /** Deletes a segment and its size history; false when there was none. */
    public boolean delete(long id) {
        Boolean deleted = tx.execute(status -> {
            jdbc.sql("DELETE FROM rtn_segment_size WHERE segment_id = ?").param(id).update();
            return jdbc.sql("DELETE FROM rtn_segment WHERE segment_id = ?").param(id).update() > 0;
        });
        return Boolean.TRUE.equals(deleted);
    }

    /** How many customers match {@code filter} now (without saving it). */
    public long count(SegmentFilter filter) {
        Condition where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM rtn_customer c WHERE " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    /** Members of a saved segment ordered by customer id; {@code page} counts from 0. */
    public MemberPage members(long id, int page, int size) {
        Segment segment = require(id);
        Condition where = where(segment.filter());
        long total = count(segment.filter());
        List<Object> params = new ArrayList<>(where.params);
        params.add(size);
        params.add((long) page * size);
        List<Member> members = jdbc.sql("SELECT c.customer_id, c.email, c.display_name, c.locale, c.marketing_consent"
                        + " FROM rtn_customer c WHERE " + where.sql + " ORDER BY c.customer_id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
        return new MemberPage(page, size, total, members);
    }

    /**
     * Streams the retargeting audience of a saved segment, ordered by customer id: members with e-mail marketing
     * consent and an e-mail address (erased customers are never members). Returns how many were sent.
     */
    public long audience(long id, Consumer<AudienceMember> sink) {
        Segment segment = require(id);
        Condition where = where(segment.filter());
        long[] sent = {0};
        template.query("SELECT c.customer_id, c.email FROM rtn_customer c WHERE " + where.sql
                + " AND c.marketing_consent = TRUE AND c.email IS NOT NULL AND c.email <> ''"
                + " ORDER BY c.customer_id", rs -> {
                    sink.accept(new AudienceMember(rs.getString(1), rs.getString(2)));
                    sent[0]++;
                }, where.params.toArray());
        return sent[0];
    }

    /** Stores today's size (reporting zone) of every segment, replacing a size taken earlier the same day. */
    public int snapshotSizes() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), reporting.options().zoneId());
        List<Segment> segments = list();
        for (Segment segment : segments) {
            long customers = count(segment.filter());
            tx.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM rtn_segment_size WHERE segment_id = ? AND snapshot_on = ?")
                        .params(segment.id(), Date.valueOf(today)).update();
                jdbc.sql("INSERT INTO rtn_segment_size (segment_id, snapshot_on, customers) VALUES (?, ?, ?)")
                        .params(segment.id(), Date.valueOf(today), customers).update();
            });
        }
        return segments.size();
    }

    /** Daily sizes of a saved segment, oldest first. */
    public List<Size> history(long id) {
        require(id);
        return jdbc.sql("SELECT snapshot_on, customers FROM rtn_segment_size WHERE segment_id = ?"
                        + " ORDER BY snapshot_on")
                .param(id)
                .query((rs, n) -> new Size(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    /** SHA-256 (lower-case hex) of the e-mail trimmed and lower-cased, the normalisation ad platforms ask for. */
    public static String hashEmail(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Segment require(long id) {
        return get(id).orElseThrow(() -> new Problems.FieldException(404, "Not found", "id",
                "id: no segment " + id));
    }

    private record Condition(String sql, List<Object> params) {
    }

    /** The SQL condition on {@code rtn_customer c} for a filter. */
    private Condition where(SegmentFilter f) {
        StringBuilder sql = new StringBuilder("c.erased_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (!f.rfmSegments().isEmpty()) {
            sql.append(" AND c.customer_id IN (SELECT s.customer_id FROM rtn_rfm_score s WHERE s.run_id ="
                    + " (SELECT MAX(r.run_id) FROM rtn_rfm_run r) AND s.segment IN (")
                    .append(placeholders(f.rfmSegments().size())).append("))");
            f.rfmSegments().forEach(s -> params.add(s.name()));
        }
        if (f.clvMin() != null || f.clvMax() != null || !f.churnRisk().isEmpty()) {
            sql.append(" AND c.customer_id IN (SELECT p.customer_id FROM rtn_customer_prediction p WHERE 1 = 1");
            if (f.clvMin() != null) {
                sql.append(" AND p.clv >= ?");
                params.add(f.clvMin());
            }
            if (f.clvMax() != null) {
                sql.append(" AND p.clv <= ?");
                params.add(f.clvMax());
            }
            if (!f.churnRisk().isEmpty()) {
                sql.append(" AND p.risk_label IN (").append(placeholders(f.churnRisk().size())).append(")");
                f.churnRisk().forEach(l -> params.add(l.name()));
            }
            sql.append(")");
        }
        if (f.lastOrderBefore() != null || f.lastOrderAfter() != null) {
            ZoneId zone = reporting.options().zoneId();
            sql.append(" AND c.customer_id IN (SELECT o.customer_id FROM rtn_order o WHERE ").append(COUNTED)
                    .append(" GROUP BY o.customer_id HAVING 1 = 1");
            if (f.lastOrderBefore() != null) {
                sql.append(" AND MAX(o.placed_at) < ?");
                params.add(UtcTime.toColumn(f.lastOrderBefore().atStartOfDay(zone).toInstant()));
            }
            if (f.lastOrderAfter() != null) {
                sql.append(" AND MAX(o.placed_at) >= ?");
                params.add(UtcTime.toColumn(f.lastOrderAfter().atStartOfDay(zone).toInstant()));
            }
            sql.append(")");
        }
        if (!f.categories().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM rtn_order o JOIN rtn_order_line l ON l.order_id = o.order_id"
                    + " WHERE o.customer_id = c.customer_id AND ").append(COUNTED)
                    .append(" AND l.category IN (").append(placeholders(f.categories().size())).append("))");
            params.addAll(f.categories());
        }
        if (!f.locales().isEmpty()) {
            sql.append(" AND (");
            for (int i = 0; i < f.locales().size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("LOWER(c.locale) = ? OR LOWER(c.locale) LIKE ?");
                String locale = f.locales().get(i).toLowerCase(Locale.ROOT);
                params.add(locale);
                params.add(locale + "-%");
            }
            sql.append(")");
        }
        if (!f.tiers().isEmpty()) {
            sql.append(" AND c.customer_id IN (SELECT la.customer_id FROM rtn_loyalty_account la WHERE la.tier IN (")
                    .append(placeholders(f.tiers().size())).append("))");
            params.addAll(f.tiers());
        }
        if (f.marketingConsent() != null) {
            sql.append(" AND c.marketing_consent = ?");
            params.add(f.marketingConsent());
        }
        return new Condition(sql.toString(), params);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private Segment segment(ResultSet rs, int row) throws SQLException {
        SegmentFilter filter = new SegmentFilter(
                split(rs.getString("rfm_segments"), RfmSegment::valueOf), rs.getBigDecimal("clv_min"),
                rs.getBigDecimal("clv_max"), split(rs.getString("churn_risk"), ChurnRiskLabel::valueOf),
                rs.getObject("last_order_before", LocalDate.class), rs.getObject("last_order_after", LocalDate.class),
                split(rs.getString("categories"), Function.identity()), split(rs.getString("locales"),
                        Function.identity()), (Boolean) nullable(rs, "marketing_consent"),
                split(rs.getString("tiers"), Function.identity()));
        return new Segment(rs.getLong("segment_id"), rs.getString("name"), filter, UtcTime.read(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static Object nullable(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(SEPARATOR, values);
    }

    private static <T> List<T> split(String joined, Function<String, T> parse) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.stream(joined.split(SEPARATOR)).map(parse).toList();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
