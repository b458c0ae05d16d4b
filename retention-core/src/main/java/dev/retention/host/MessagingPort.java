package dev.retention.host;

/**
 * Port for delivering messages. Retention Kit ships an SMTP adapter (Spring Mail) for e-mail; a host adds SMS or
 * push by providing its own bean. Delivery is at-least-once: throw to have the message retried later.
 */
public interface MessagingPort {

    /** Whether this adapter delivers on the given channel. */
    boolean supports(String channel);

    /** Deliver the message, throwing on a failure worth retrying. */
    void deliver(OutgoingMessage message);
}
