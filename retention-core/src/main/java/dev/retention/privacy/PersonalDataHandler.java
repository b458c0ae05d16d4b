package dev.retention.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * What one feature holds about a customer. Register an implementation as a bean; the privacy service finds it.
 * Both methods run inside one transaction for all handlers, so an erasure is all-or-nothing.
 */
public interface PersonalDataHandler {

    /** The section name in the export document, e.g. {@code loyalty}. */
    String section();

    /** Everything this feature holds about the customer, as JSON-ready maps, lists and scalars. */
    Map<String, Object> export(String customerId);

    /**
     * Removes or pseudonymises personal fields (e-mail, name, birthday, free text, addresses). Keeps amounts and
     * counts so reports reconcile. Must be idempotent.
     */
    void erase(String customerId, Instant erasedAt);
}
