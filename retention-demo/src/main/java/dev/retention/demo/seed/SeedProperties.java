package dev.retention.demo.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo history generator, under {@code demo.seed.*}.
 *
 * @param enabled       whether an empty shop is filled with generated history at start-up
 * @param customers     how many customers to generate (orders come to roughly ten per customer)
 * @param seed          random seed; the same seed and day give the same history
 * @param publishBatch  events stored in the inbox per transaction while replaying the history
 */
@ConfigurationProperties("demo.seed")
public record SeedProperties(@DefaultValue("false") boolean enabled, @DefaultValue("2000") int customers,
        @DefaultValue("42") long seed, @DefaultValue("5000") int publishBatch) {
}
