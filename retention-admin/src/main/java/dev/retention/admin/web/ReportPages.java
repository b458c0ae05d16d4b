package dev.retention.admin.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report pages of the console and the report API sections each draws. A section names its endpoint under
 * {@code /admin/retention/api/reports/} and how to draw it; the table under the chart always shows the data.
 */
public final class ReportPages {

    /**
     * One chart and table.
     *
     * @param report endpoint name, e.g. {@code cohorts}
     * @param chart  how the browser draws it: {@code kpis}, {@code heatmap}, {@code rfm}, {@code bar}, {@code line},
     *               {@code funnel}, {@code lift}
     */
    public record Section(String report, String title, String chart, String explanation) {
    }

    public record Page(String slug, String title, String description, List<Section> sections) {
    }

    static final List<Page> PAGES = List.of(
            new Page("cohorts", "Cohort retention",
                    "Customers grouped by the month of their first order, and the share still ordering in each later"
                            + " month (customers or revenue).",
                    List.of(new Section("cohorts", "Retention by first-order month", "heatmap",
                            "Each row is a cohort; each column a month since the first order."))),
            new Page("rfm", "RFM segments",
                    "Recency, frequency and monetary quintile scores mapped to named segments, with moves between"
                            + " the last two runs.",
                    List.of(new Section("rfm", "Segments", "rfm",
                            "Each segment at its average recency and frequency score; sizes and moves since the previous run"
                                    + " below."))),
            new Page("clv", "Customer lifetime value and churn risk",
                    "Predicted lifetime value (BG/NBD and Gamma-Gamma), its distribution and the customers most"
                            + " worth keeping.",
                    List.of(new Section("clv", "CLV distribution and top customers", "bar",
                                    "How many customers fall in each predicted-value band."),
                            new Section("churn-risk", "Churn risk (high value first)", "bar",
                                    "Customers whose probability of being alive is falling, most valuable first."))),
            new Page("loyalty", "Loyalty programme",
                    "Points issued, redeemed, expired and clawed back per period, the liability they carry, tiers and"
                            + " how members compare with non-members.",
                    List.of(new Section("loyalty", "Points flow and liability", "bar",
                            "Per period: points issued, redeemed, expired and clawed back."))),
            new Page("campaigns", "Campaigns and flows",
                    "Messages sent, conversions and revenue per flow, with the lift over the holdout group and its"
                            + " 95% interval.",
                    List.of(new Section("campaigns", "Flows and campaigns", "lift",
                            "Lift = conversion of the target group minus conversion of the holdout group."))),
            new Page("referrals", "Referrals",
                    "From invitations to friends' first orders and referrer rewards.",
                    List.of(new Section("referrals", "Referral funnel", "funnel",
                            "How many referrals reach each step."))),
            new Page("nps", "Net Promoter Score",
                    "NPS trend, the distribution of answers and the latest comments.",
                    List.of(new Section("nps", "NPS", "line", "NPS = % promoters (9-10) - % detractors (0-6)."))),
            new Page("recommendations", "Recommendations",
                    "Impressions, click-through and attributed revenue per placement and algorithm.",
                    List.of(new Section("recommendations", "Recommendation performance", "bar",
                            "Click-through = clicks / impressions; revenue attributed within the window."))),
            new Page("drivers", "Retention drivers",
                    "Twelve-month repeat rate by first-order attributes (category, channel, discount, referral),"
                            + " CAC and CLV:CAC.",
                    List.of(new Section("drivers", "Repeat rate by first-order attribute", "bar",
                            "Which first orders lead to customers who come back."))),
            new Page("model-check", "Model check",
                    "Actual against predicted purchases in a holdout period, so you can judge the CLV predictions"
                            + " before acting on them.",
                    List.of(new Section("model-check", "Actual vs predicted holdout purchases", "line",
                            "Customers grouped by purchases in the calibration period."))));

    static final Map<String, Page> BY_SLUG = PAGES.stream()
            .collect(Collectors.toUnmodifiableMap(Page::slug, Function.identity()));

    private ReportPages() {
    }
}
