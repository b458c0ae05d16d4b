package dev.retention.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Programme settings. Each section ({@code loyalty}, {@code tiers}, ...) is owned by its feature's
 * {@code /admin/retention/api/settings/{section}} endpoint; the page edits the sections that are installed and shows
 * the API's validation errors next to the field they name.
 */
@Controller
@RequestMapping("/admin/retention/settings")
public class SettingsPageController {

    static final Map<String, String> SECTIONS;

    static {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("loyalty", "Earning rules and expiry");
        sections.put("tiers", "Tiers");
        sections.put("rewards", "Rewards");
        sections.put("referrals", "Referral rewards");
        sections.put("flows", "Flows and holdout");
        sections.put("reporting", "Reporting");
        sections.put("spend", "Marketing spend per period");
        SECTIONS = java.util.Collections.unmodifiableMap(sections);
    }

    /** A settings section and whether its feature is installed. */
    public record Section(String name, String title, boolean available) {
    }

    private final AdminApiEndpoints endpoints;

    public SettingsPageController(AdminApiEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping
    public String settings(Model model) {
        model.addAttribute("nav", "settings");
        model.addAttribute("sections", SECTIONS.entrySet().stream()
                .map(e -> new Section(e.getKey(), e.getValue(),
                        endpoints.get("/admin/retention/api/settings/" + e.getKey())))
                .toList());
        return "retention-admin/settings";
    }
}
