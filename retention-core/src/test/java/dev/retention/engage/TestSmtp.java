package dev.retention.engage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server in process (GreenMail on a free port) and a reader for what it received. */
final class TestSmtp {

    /** One received e-mail, decoded. */
    record Received(String to, String subject, String html, String text, String messageId, String listUnsubscribe,
            String language) {
    }

    private final GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    TestSmtp() {
        server.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** Everything received for this address, oldest first. */
    List<Received> to(String address) {
        List<Received> received = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String to = Arrays.toString(message.getAllRecipients());
                if (!to.contains(address)) {
                    continue;
                }
                StringBuilder html = new StringBuilder();
                StringBuilder text = new StringBuilder();
                collect(message, html, text);
                received.add(new Received(address, message.getSubject(), html.toString(), text.toString(),
                        message.getMessageID(), message.getHeader("List-Unsubscribe", null),
                        message.getHeader("Content-Language", null)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return received;
    }

    private static void collect(Part part, StringBuilder html, StringBuilder text) throws Exception {
        if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, html, text);
            }
        }
    }
}
