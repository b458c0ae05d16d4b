package dev.retention.demo.web;

import dev.retention.host.HostCapabilities;
import java.util.EnumSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this host offers Retention Kit: every event and every port, store credit included. */
@Configuration(proxyBeanMethods = false)
public class HostConfiguration {

    @Bean
    HostCapabilities hostCapabilities() {
        return new HostCapabilities(HostCapabilities.allEvents(), EnumSet.allOf(HostCapabilities.Port.class), true);
    }
}
