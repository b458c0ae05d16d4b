package dev.retention.testing;

import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The smallest host: a DataSource and Retention Kit, with a clock the test controls. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CoreTestApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
    }
}
