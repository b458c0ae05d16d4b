package dev.retention.host;

import java.util.Optional;

/**
 * Port to the host's customer records, for current contact data. Retention Kit also keeps what the events told
 * it, so this port is consulted for what may have changed outside the event stream (e.g. a new e-mail address).
 */
public interface CustomerDirectoryPort {

    /** The customer's current contact data, or empty if the host no longer knows them (erased, merged). */
    Optional<CustomerContact> find(String customerId);
}
