package dev.retention.engage;

import java.time.Instant;

/**
 * Starts a flow for a customer from another feature (feedback starts the referral invitation after a promoter
 * answer; loyalty will start points and tier messages the same way). The first step goes out after the flow's
 * first delay, through every sending rule.
 */
public interface FlowStarter {

    /** Starts {@code flow} for the customer at business time {@code at}; {@code ref} makes the start unique. */
    void start(Flow flow, String customerId, String ref, Instant at);
}
