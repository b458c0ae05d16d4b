package dev.retention.autoconfigure;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engagement flows and message delivery, under {@code retention.engage.*}. Per-flow tuning (delays, holdout,
 * coupons) is stored in the database and edited through the admin API; these are the shop-wide rules.
 *
 * @param enabled            whether engagement flows run at all
 * @param baseUrl            public address of the shop, used for tracking, unsubscribe and survey links
 * @param signingSecret      secret for the HMAC that signs unsubscribe, click, open and survey links; required in
 *                           production (without it a random one is generated at startup and links die on restart)
 * @param from               sender address of e-mails
 * @param messageIdDomain    right-hand side of generated Message-IDs
 * @param holdoutPercent     default holdout of marketing flows, in percent
 * @param frequencyCap       most marketing messages per customer within {@code frequencyPeriod}
 * @param frequencyPeriod    window of the frequency cap
 * @param quietStart         local time (customer's zone) when quiet hours start
 * @param quietEnd           local time when quiet hours end; messages due in between wait until then
 * @param attributionWindow  an order is attributed to the last clicked, else sent, message within this window
 * @param maxLateness        a message step due longer ago than this is history being back-filled: it is neither
 *                           scheduled nor sent (raise it to have a replay fill the campaign reports)
 * @param delivery           outbox delivery
 */
@ConfigurationProperties("retention.engage")
public record RetentionEngageProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8080") String baseUrl, String signingSecret,
        @DefaultValue("shop@localhost") String from, @DefaultValue("retention.localhost") String messageIdDomain,
        @DefaultValue("10") int holdoutPercent, @DefaultValue("3") int frequencyCap,
        @DefaultValue("7d") Duration frequencyPeriod, @DefaultValue("21:00") LocalTime quietStart,
        @DefaultValue("08:00") LocalTime quietEnd, @DefaultValue("5d") Duration attributionWindow,
        @DefaultValue("7d") Duration maxLateness, @DefaultValue Delivery delivery) {

    public RetentionEngageProperties {
        if (holdoutPercent < 0 || holdoutPercent > 50) {
            throw new IllegalArgumentException("retention.engage.holdout-percent: must be 0-50, was " + holdoutPercent);
        }
        if (frequencyCap < 1) {
            throw new IllegalArgumentException("retention.engage.frequency-cap: must be at least 1, was "
                    + frequencyCap);
        }
    }

    /**
     * Outbox delivery.
     *
     * @param worker       whether messages are delivered by the periodic job {@code engage-outbox} (false: call
     *                     {@code Outbox.deliverDue()})
     * @param interval     how often the delivery job runs
     * @param batchSize    messages claimed per round
     * @param lease        how long a claimed message is reserved before another round may retry it
     * @param maxAttempts  delivery attempts before a message is marked failed
     * @param backoff      delay before the first retry; doubles each attempt
     */
    public record Delivery(@DefaultValue("true") boolean worker, @DefaultValue("5s") Duration interval,
            @DefaultValue("100") int batchSize, @DefaultValue("5m") Duration lease,
            @DefaultValue("6") int maxAttempts, @DefaultValue("1m") Duration backoff) {
    }
}
