package dev.retention.analytics.web;

import dev.retention.admin.AdminActor;
import dev.retention.analytics.ChurnRiskLabel;
import dev.retention.analytics.RfmSegment;
import dev.retention.analytics.SegmentFilter;
import dev.retention.analytics.Segments;
import dev.retention.audit.AuditLog;
import dev.retention.support.Problems;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved customer segments: {@code GET|POST /admin/retention/api/segments}, {@code GET|DELETE .../segments/{id}},
 * {@code POST .../segments/count} (live count of a filter), {@code GET .../segments/{id}/members},
 * {@code GET .../segments/{id}/history} and the audited retargeting export
 * {@code GET .../segments/{id}/audience.csv?hashed=true|false}.
 */
@RestController
@RequestMapping("/admin/retention/api/segments")
public class SegmentsController {

    private static final MediaType CSV = new MediaType("text", "csv");
    private static final int MAX_PAGE_SIZE = 500;

    private final Segments segments;
    private final AuditLog audit;

    public SegmentsController(Segments segments, AuditLog audit) {
        this.segments = segments;
        this.audit = audit;
    }

    /**
     * A segment as sent by the admin: a name (not needed for a count) and optional criteria. Dates are ISO days
     * ({@code yyyy-MM-dd}) in the reporting zone; RFM segments and churn-risk labels by their enum names.
     */
    public record SegmentRequest(String name, List<String> rfmSegments, BigDecimal clvMin, BigDecimal clvMax,
            List<String> churnRisk, String lastOrderBefore, String lastOrderAfter, List<String> categories,
            List<String> locales, Boolean marketingConsent, List<String> tiers) {
    }

    /** A live count. */
    public record CountResponse(long customers) {
    }

    @GetMapping
    public List<Segments.Segment> list() {
        return segments.list();
    }

    @PostMapping
    public ResponseEntity<Segments.Segment> create(@RequestBody SegmentRequest request, Principal principal) {
        String actor = AdminActor.of(principal);
        Segments.Segment created = segments.create(request.name(), filter(request), actor);
        audit.record(actor, "segment", Long.toString(created.id()), "create", null, null, created.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PostMapping("/count")
    public CountResponse count(@RequestBody SegmentRequest request) {
        return new CountResponse(segments.count(filter(request)));
    }

    @GetMapping("/{id}")
    public Segments.Segment get(@PathVariable long id) {
        return require(id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id, Principal principal) {
        Segments.Segment segment = require(id);
        segments.delete(id);
        audit.record(AdminActor.of(principal), "segment", Long.toString(id), "delete", null, segment.toString(),
                null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    public Segments.MemberPage members(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new Problems.FieldException(400, "Invalid request", "page", "page: must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new Problems.FieldException(400, "Invalid request", "size",
                    "size: must be 1 to " + MAX_PAGE_SIZE);
        }
        return segments.members(id, page, size);
    }

    @GetMapping("/{id}/history")
    public List<Segments.Size> history(@PathVariable long id) {
        return segments.history(id);
    }

    /**
     * The retargeting audience: members with marketing consent and an e-mail, never erased customers. Plain:
     * {@code customer_id,email}; hashed: {@code email_sha256} (trimmed, lower-cased, SHA-256 hex), the format ad
     * platforms accept. Every export is recorded in the audit log with who exported which segment and how many rows.
     */
    @GetMapping("/{id}/audience.csv")
    public ResponseEntity<String> audience(@PathVariable long id,
            @RequestParam(defaultValue = "false") boolean hashed, Principal principal) {
        Segments.Segment segment = require(id);
        Csv csv = hashed ? new Csv("email_sha256") : new Csv("customer_id", "email");
        long rows = segments.audience(id, member -> {
            if (hashed) {
                csv.row(member.hashedEmail());
            } else {
                csv.row(member.customerId(), member.email());
            }
        });
        audit.record(AdminActor.of(principal), "segment", Long.toString(id), "export-audience", null, null,
                "segment=" + segment.name() + " hashed=" + hashed + " customers=" + rows);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"retention-segment-" + id
                        + (hashed ? "-hashed" : "") + ".csv\"")
                .body(csv.toString());
    }

    private Segments.Segment require(long id) {
        return segments.get(id).orElseThrow(() -> new Problems.FieldException(404, "Not found", "id",
                "id: no segment " + id));
    }

    static SegmentFilter filter(SegmentRequest r) {
        return new SegmentFilter(values(r.rfmSegments(), "rfmSegments", RfmSegment::valueOf),
                amount(r.clvMin(), "clvMin"), amount(r.clvMax(), "clvMax"),
                values(r.churnRisk(), "churnRisk", ChurnRiskLabel::valueOf),
                day(r.lastOrderBefore(), "lastOrderBefore"), day(r.lastOrderAfter(), "lastOrderAfter"),
                r.categories(), r.locales(), r.marketingConsent(), r.tiers());
    }

    private static <T> List<T> values(List<String> names, String field, Function<String, T> parse) {
        if (names == null) {
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                values.add(parse.apply(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                String path = field + "[" + i + "]";
                throw new Problems.FieldException(400, "Invalid segment", path,
                        path + ": unknown value '" + name + "'");
            }
        }
        return values;
    }

    private static BigDecimal amount(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new Problems.FieldException(400, "Invalid segment", field,
                    field + ": must be zero or more, was " + value.toPlainString());
        }
        return value;
    }

    private static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Problems.FieldException(400, "Invalid segment", field,
                    field + ": '" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
