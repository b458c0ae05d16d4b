package dev.retention.engage;

import dev.retention.host.MessagingPort;
import dev.retention.host.OutgoingMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The default {@link MessagingPort}: e-mail through Spring Mail (SMTP). Sends HTML with a plain-text alternative,
 * the outbox's Message-ID (so a receiver can drop a re-delivery) and the message's headers (List-Unsubscribe).
 */
public class MailMessagingPort implements BatchMessagingPort {

    private final JavaMailSender sender;
    private final String from;

    public MailMessagingPort(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public boolean supports(String channel) {
        return "email".equals(channel);
    }

    @Override
    public void deliver(OutgoingMessage message) {
        sender.send(build(message));
    }

    /**
     * Sends the batch over one SMTP connection when the sender is Spring's {@link JavaMailSenderImpl}, reconnecting
     * after a failed message; otherwise one send per message.
     */
    @Override
    public void deliverEach(List<OutgoingMessage> messages, DeliveryCallback callback) {
        if (!(sender instanceof JavaMailSenderImpl impl) || messages.size() == 1) {
            for (OutgoingMessage message : messages) {
                try {
                    deliver(message);
                    callback.delivered(message);
                } catch (RuntimeException e) {
                    callback.failed(message, e);
                }
            }
            return;
        }
        Transport transport = null;
        try {
            for (OutgoingMessage message : messages) {
                try {
                    if (transport == null || !transport.isConnected()) {
                        transport = connect(impl);
                    }
                    MimeMessage mime = build(message);
                    String messageId = mime.getMessageID();
                    mime.saveChanges();
                    mime.setHeader("Message-ID", messageId);
                    transport.sendMessage(mime, mime.getAllRecipients());
                    callback.delivered(message);
                } catch (MessagingException | RuntimeException e) {
                    callback.failed(message, e instanceof RuntimeException runtime ? runtime
                            : new MailSendException("Cannot send " + message.messageId(), e));
                    close(transport);
                    transport = null;
                }
            }
        } finally {
            close(transport);
        }
    }

    private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
        Transport transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
        transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the messages were already accepted or reported
            }
        }
    }

    private MimeMessage build(OutgoingMessage message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject() == null ? "" : message.subject());
            helper.setText(message.textBody() == null ? "" : message.textBody(),
                    message.htmlBody() == null ? "" : message.htmlBody());
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            if (message.locale() != null) {
                mime.setHeader("Content-Language", message.locale().toLanguageTag());
            }
            // JavaMailSenderImpl keeps a Message-ID set before sending.
            mime.setHeader("Message-ID", "<" + message.messageId() + ">");
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot build e-mail " + message.messageId(), e);
        }
        return mime;
    }
}
