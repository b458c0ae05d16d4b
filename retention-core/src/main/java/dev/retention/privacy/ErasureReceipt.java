package dev.retention.privacy;

import java.time.Instant;
import java.util.List;

/** The outcome of an erasure: when, by whom, and which sections were erased. */
public record ErasureReceipt(String customerId, Instant erasedAt, String requestedBy, List<String> sections) {
}
