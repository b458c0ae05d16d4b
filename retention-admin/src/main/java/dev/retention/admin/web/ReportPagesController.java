package dev.retention.admin.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard and the report pages. Pages are shells: the browser fetches the JSON report API with the filter
 * from the query string, draws the chart and the table, and says so when a report's feature is not installed.
 */
@Controller
@RequestMapping("/admin/retention")
public class ReportPagesController {

    static final String REPORTS_API = "/admin/retention/api/reports/";
    static final String RECOMMENDATIONS_API = "/admin/retention/api/recommendations/report";

    private final AdminApiEndpoints endpoints;
    private final Clock clock;

    public ReportPagesController(AdminApiEndpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    public String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String segment, Model model) {
        filter(model, from, to, segment);
        model.addAttribute("nav", "dashboard");
        model.addAttribute("reportPages", ReportPages.PAGES);
        model.addAttribute("available", available());
        return "retention-admin/dashboard";
    }

    @GetMapping("/{report:cohorts|rfm|clv|loyalty|campaigns|referrals|nps|recommendations|drivers|model-check}")
    public String report(@PathVariable String report, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String segment, Model model) {
        ReportPages.Page page = ReportPages.BY_SLUG.get(report);
        if (page == null) {
            throw new NoSuchElementException("No report page '" + report + "'");
        }
        filter(model, from, to, segment);
        model.addAttribute("nav", report);
        model.addAttribute("page", page);
        model.addAttribute("available", available());
        ReportFilter filter = (ReportFilter) model.getAttribute("filter");
        model.addAttribute("sources", page.sections().stream().map(s -> source(s, filter)).toList());
        return "retention-admin/report";
    }

    /**
     * Where a section's data comes from: {@code src} is the API URL with the filter, {@code csv} whether that
     * endpoint also answers {@code ?format=csv}.
     */
    public record Source(ReportPages.Section section, String src, boolean csv, boolean installed) {
    }

    private Source source(ReportPages.Section section, ReportFilter filter) {
        String path = REPORTS_API + section.report();
        String query = filter.query();
        if (section.report().equals("model-check")) {
            // The second half of the selected range is the holdout: the model is fitted on the orders before it.
            java.time.LocalDate middle = filter.from().plusDays(
                    java.time.temporal.ChronoUnit.DAYS.between(filter.from(), filter.to()) / 2);
            query += "&calibrationEnd=" + middle + "&holdoutEnd=" + filter.to();
        }
        if (section.report().equals("clv")) {
            // Enough customers for the distribution chart; the table under it pages through them.
            query += "&limit=1000";
        }
        if (endpoints.get(path)) {
            return new Source(section, path + "?" + query, true, true);
        }
        // The recommendation feature serves its report at its own path, without CSV.
        if (section.report().equals("recommendations") && endpoints.get(RECOMMENDATIONS_API)) {
            return new Source(section, RECOMMENDATIONS_API + "?" + query, false, true);
        }
        return new Source(section, path + "?" + query, true, false);
    }

    private void filter(Model model, String from, String to, String segment) {
        ReportFilter filter = ReportFilter.of(from, to, segment, clock);
        model.addAttribute("filter", filter);
        model.addAttribute("navQuery", "?" + filter.query());
        model.addAttribute("segmentsAvailable", endpoints.get("/admin/retention/api/segments"));
    }

    /** Report name to whether its endpoint is installed. */
    private Map<String, Boolean> available() {
        Map<String, Boolean> available = new LinkedHashMap<>();
        for (String name : new String[] {"kpis", "cohorts", "rfm", "clv", "churn-risk", "loyalty", "campaigns",
            "referrals", "nps", "recommendations", "drivers", "model-check"}) {
            available.put(name, endpoints.get(REPORTS_API + name));
        }
        return available;
    }
}
