package dev.retention.engage;

import dev.retention.host.MessagingPort;
import dev.retention.host.OutgoingMessage;
import java.util.List;

/**
 * A {@link MessagingPort} that delivers several messages over one connection. It reports each message as soon as
 * the transport accepted it, so the outbox records the delivery (its de-duplication record) message by message.
 */
public interface BatchMessagingPort extends MessagingPort {

    /** Told about each message of a batch as it goes. */
    interface DeliveryCallback {
        void delivered(OutgoingMessage message);

        void failed(OutgoingMessage message, RuntimeException error);
    }

    void deliverEach(List<OutgoingMessage> messages, DeliveryCallback callback);
}
