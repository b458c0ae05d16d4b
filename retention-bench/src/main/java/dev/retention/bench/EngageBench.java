package dev.retention.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.retention.engage.Outbox;
import dev.retention.host.CustomerRegistered;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Engagement outbox throughput: N shoppers register (welcome e-mail rendered into the outbox by the real flow),
 * then the outbox delivers everything over SMTP to an in-process GreenMail server. Prints composition and delivery
 * rates. Usage: {@code java -jar retention-bench.jar engage [--messages=5000]}.
 */
final class EngageBench {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private EngageBench() {
    }

    static void run(String[] args) {
        int messages = 5000;
        for (String arg : args) {
            messages = Integer.parseInt(arg.startsWith("--messages=") ? arg.substring("--messages=".length()) : arg);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.datasource.url=jdbc:h2:mem:engage-bench;DB_CLOSE_DELAY=-1",
                        "spring.datasource.username=sa", "retention.inbox.worker=false",
                        "retention.engage.delivery.worker=false", "retention.engage.holdout-percent=0",
                        "retention.engage.quiet-start=00:00", "retention.engage.quiet-end=00:00",
                        "retention.engage.signing-secret=bench-signing-secret-0123456789",
                        "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
                        "logging.level.root=WARN", "logging.level.dev.retention=WARN")
                .run()) {
            RetentionEvents events = context.getBean(RetentionEvents.class);
            Inbox inbox = context.getBean(Inbox.class);
            Outbox outbox = context.getBean(Outbox.class);
            Instant now = context.getBean(Clock.class).instant();
            String[] locales = {"en", "pt-BR", "ro", "pl"};
            List<CustomerRegistered> registrations = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String id = "bench-" + i;
                registrations.add(new CustomerRegistered(id + "-registered", now, id, id + "@bench.test",
                        "Shopper " + i, Locale.forLanguageTag(locales[i % locales.length]), ZoneId.of("UTC"), null,
                        true, "organic", null));
            }
            events.publishAll(registrations);
            long composeStart = System.nanoTime();
            inbox.drain();
            inbox.processNow();
            double composeSeconds = (System.nanoTime() - composeStart) / 1e9;

            long deliverStart = System.nanoTime();
            int delivered = outbox.deliverDue();
            double deliverSeconds = (System.nanoTime() - deliverStart) / 1e9;
            int received = smtp.getReceivedMessages().length;
            if (delivered != messages || received != messages) {
                throw new IllegalStateException("expected " + messages + " messages, delivered " + delivered
                        + ", SMTP received " + received);
            }
            System.out.printf(Locale.ROOT, "RESULT name=engage.compose.throughput value=%.1f unit=messages/s%n",
                    messages / composeSeconds);
            System.out.printf(Locale.ROOT, "RESULT name=engage.outbox.smtp.throughput value=%.1f unit=messages/s%n",
                    messages / deliverSeconds);
            System.out.printf(Locale.ROOT, "RESULT name=engage.outbox.messages value=%d unit=messages%n", messages);
        } finally {
            smtp.stop();
        }
    }
}
