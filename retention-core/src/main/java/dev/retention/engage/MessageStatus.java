package dev.retention.engage;

/** Where a message stands in the outbox. */
public enum MessageStatus {
    /** Rendered and waiting for delivery. */
    PENDING,
    /** Claimed by a delivery round; retried after its lease if the round died. */
    SENDING,
    /** Handed to the messaging port. */
    SENT,
    /** Delivery kept failing; see the reason. */
    FAILED,
    /** The template failed to render; nothing was sent. See the reason. */
    PARKED,
    /** Kept back as the flow's control group; recorded with the time it would have been sent. */
    HOLDOUT,
    /** Not sent by a sending rule (consent, unsubscribe, frequency cap, erased, no address). */
    SUPPRESSED
}
