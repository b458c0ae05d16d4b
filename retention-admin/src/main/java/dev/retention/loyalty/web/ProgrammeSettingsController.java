package dev.retention.loyalty.web;

import dev.retention.admin.AdminActor;
import dev.retention.loyalty.ProgrammeSettings;
import dev.retention.loyalty.ProgrammeSettings.Section;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programme settings: {@code GET|PUT /admin/retention/api/settings/{loyalty|tiers|rewards|referrals}}. A PUT
 * replaces the section after validation (400 problem naming the field) and is audited with before and after.
 */
@RestController
public class ProgrammeSettingsController {

    private final ProgrammeSettings settings;

    public ProgrammeSettingsController(ProgrammeSettings settings) {
        this.settings = settings;
    }

    @GetMapping({"/admin/retention/api/settings/loyalty", "/admin/retention/api/settings/tiers",
        "/admin/retention/api/settings/rewards", "/admin/retention/api/settings/referrals"})
    public Object get(jakarta.servlet.http.HttpServletRequest request) {
        return settings.get(section(request));
    }

    @PutMapping({"/admin/retention/api/settings/loyalty", "/admin/retention/api/settings/tiers",
        "/admin/retention/api/settings/rewards", "/admin/retention/api/settings/referrals"})
    public Object put(jakarta.servlet.http.HttpServletRequest request, @RequestBody String body,
            @RequestHeader(name = "X-Change-Reason", required = false) String reason, Principal principal) {
        return settings.update(section(request), body, AdminActor.of(principal), reason);
    }

    private static Section section(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        return Section.of(uri.substring(uri.lastIndexOf('/') + 1));
    }
}
