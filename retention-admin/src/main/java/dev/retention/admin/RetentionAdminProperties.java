package dev.retention.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admin console settings, under {@code retention.admin.*}.
 *
 * @param security  whether Retention Kit secures {@code /admin/retention/**} itself (false: the host's chain does)
 * @param role      role an admin needs (without the {@code ROLE_} prefix)
 * @param loginPage where an anonymous browser is sent to sign in (the host's login page)
 * @param console   whether the Thymeleaf console pages under {@code /admin/retention} are served (false: API only)
 */
@ConfigurationProperties("retention.admin")
public record RetentionAdminProperties(@DefaultValue("true") boolean security,
        @DefaultValue("RETENTION_ADMIN") String role, @DefaultValue("/login") String loginPage,
        @DefaultValue("true") boolean console) {
}
