package dev.retention.privacy;

import dev.retention.support.DatabaseVendor;
import dev.retention.support.UtcTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Export and erasure across every feature's {@link PersonalDataHandler}. */
public class PrivacyService {

    private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);

    private final List<PersonalDataHandler> handlers;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String insertErasure;
    private final boolean keyFirst;

    public PrivacyService(List<PersonalDataHandler> handlers, JdbcClient jdbc, DatabaseVendor vendor,
            TransactionTemplate tx, Clock clock) {
        this.handlers = List.copyOf(handlers);
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.insertErasure = vendor.insertIgnoring("rtn_erasure", "customer_id, erased_at, requested_by",
                "customer_id");
        this.keyFirst = vendor.insertIgnoringBindsKeyFirst();
    }

    /** The sections registered, in order. */
    public List<String> sections() {
        return handlers.stream().map(PersonalDataHandler::section).toList();
    }

    /** One document with a section per feature; {@code erasedAt} is set when the customer was erased. */
    public Map<String, Object> export(String customerId) {
        requireId(customerId);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", customerId);
        document.put("exportedAt", clock.instant().toString());
        document.put("erasedAt", erasedAt(customerId).map(Instant::toString).orElse(null));
        for (PersonalDataHandler handler : handlers) {
            document.put(handler.section(), handler.export(customerId));
        }
        return document;
    }

    /** Erases the customer in every feature, all-or-nothing; repeating it is harmless. */
    public ErasureReceipt erase(String customerId, String requestedBy, Instant at) {
        requireId(customerId);
        Objects.requireNonNull(requestedBy, "requestedBy");
        List<String> sections = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (PersonalDataHandler handler : handlers) {
                handler.erase(customerId, at);
                sections.add(handler.section());
            }
            var insert = jdbc.sql(insertErasure);
            if (keyFirst) {
                insert = insert.param(customerId);
            }
            insert.param(customerId).param(UtcTime.toColumn(at)).param(requestedBy).update();
        });
        log.info("privacy.erased customerId={} by={} sections={}", customerId, requestedBy, sections);
        return new ErasureReceipt(customerId, at, requestedBy, sections);
    }

    /** Whether the customer was erased; messaging features check this before every send. */
    public boolean isErased(String customerId) {
        return erasedAt(customerId).isPresent();
    }

    private java.util.Optional<Instant> erasedAt(String customerId) {
        return jdbc.sql("SELECT erased_at FROM rtn_erasure WHERE customer_id = ?")
                .param(customerId)
                .query((rs, n) -> UtcTime.read(rs, "erased_at"))
                .optional();
    }

    private static void requireId(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId: is required");
        }
    }
}
