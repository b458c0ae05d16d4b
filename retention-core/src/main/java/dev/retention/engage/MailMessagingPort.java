package dev.retention.engage;

import dev.retention.host.MessagingPort;
import dev.retention.host.OutgoingMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The default {@link MessagingPort}: e-mail through Spring Mail (SMTP). Sends HTML with a plain-text alternative,
 * the outbox's Message-ID (so a receiver can drop a re-delivery) and the message's headers (List-Unsubscribe).
 */
public class MailMessagingPort implements MessagingPort {

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
        sender.send(mime);
    }
}
