package dev.retention.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import dev.retention.admin.AdminTestApplication;
import dev.retention.host.CustomerRegistered;
import dev.retention.ingest.Inbox;
import dev.retention.ingest.RetentionEvents;
import dev.retention.ingest.RetentionJobs;
import dev.retention.testing.Events;
import dev.retention.testing.MutableClock;
import dev.retention.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The CSV link under each report table gives the same data as the JSON report the page draws: for every installed
 * report endpoint, each CSV row equals the row the console builds from the JSON (numbers compared by value).
 */
@Tag("db")
@SpringBootTest(classes = AdminTestApplication.class, properties = "retention.inbox.worker=false")
@AutoConfigureMockMvc
class ReportCsvMatchesJsonTest {

    static final RequestPostProcessor ADMIN = user("admin").roles("RETENTION_ADMIN");
    static final String FILTER = "from=2025-01-01&to=2026-01-01";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "admin-csv");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RetentionEvents events;
    @Autowired
    Inbox inbox;
    @Autowired
    RetentionJobs jobs;
    @Autowired
    MutableClock clock;
    @Autowired
    AdminApiEndpoints endpoints;

    @BeforeEach
    void history() {
        String prefix = TestDatabase.uniquePrefix();
        Instant start = Instant.parse("2024-11-01T10:00:00Z");
        for (int c = 0; c < 24; c++) {
            String id = prefix + "c" + c;
            Instant first = start.plus(Duration.ofDays(17L * c));
            events.publish(new CustomerRegistered(id + "-reg", first.minus(Duration.ofHours(2)), id,
                    id + "@example.com", "Customer " + c, Locale.ENGLISH, ZoneId.of("UTC"), null, true,
                    c % 3 == 0 ? "email" : "organic", null));
            for (int n = 0; n <= c % 4; n++) {
                events.publish(Events.placed(id, id + "-o" + n, String.valueOf(30 + 7 * c + 11 * n),
                        first.plus(Duration.ofDays(40L * n))));
            }
        }
        inbox.drain();
        jobs.statuses().stream().map(RetentionJobs.JobStatus::name).filter(n -> n.startsWith("analytics."))
                .forEach(jobs::runBlocking);
    }

    @Test
    void everyInstalledReportsCsvMatchesItsJson() throws Exception {
        Map<String, Function<Object, List<Map<String, Object>>>> reports = new LinkedHashMap<>();
        reports.put("kpis", ReportCsvMatchesJsonTest::kpiRows);
        reports.put("cohorts", json -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> cohort : list(JsonPath.read(json, "$.cohorts"))) {
                for (Map<String, Object> cell : list(cohort.get("cells"))) {
                    rows.add(row("cohort", cohort.get("month"), "cohort_customers", cohort.get("customers"),
                            "month_offset", cell.get("monthOffset"), "customers", cell.get("customers"),
                            "retention", cell.get("retention"), "revenue", cell.get("revenue")));
                }
            }
            return rows;
        });
        reports.put("drivers", json -> list(json).stream().map(d -> row("dimension", d.get("dimension"), "value",
                d.get("value"), "customers", d.get("customers"), "repeaters", d.get("repeaters"), "repeat_rate_12m",
                d.get("repeatRate"))).toList());
        reports.put("rfm", json -> list(JsonPath.read(json, "$.segments")).stream().map(s -> row("segment",
                s.get("segment"), "customers", s.get("customers"), "share", s.get("share"), "revenue",
                s.get("revenue"), "avg_r", s.get("averageRecencyScore"), "avg_f", s.get("averageFrequencyScore"),
                "avg_m", s.get("averageMonetaryScore"))).toList());
        reports.put("churn-risk", json -> predictions(JsonPath.read(json, "$.highValueAtRisk")));
        reports.put("clv", json -> predictions(JsonPath.read(json, "$.customers")));

        int checked = 0;
        for (Map.Entry<String, Function<Object, List<Map<String, Object>>>> report : reports.entrySet()) {
            String path = "/admin/retention/api/reports/" + report.getKey();
            if (!endpoints.get(path)) {
                continue;
            }
            String json = mvc.get().uri(path + "?" + FILTER).with(ADMIN).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            String csv = mvc.get().uri(path + "?" + FILTER + "&format=csv").with(ADMIN).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            List<Map<String, String>> csvRows = parseCsv(csv);
            List<Map<String, Object>> jsonRows = report.getValue().apply(JsonPath.parse(json).json());
            assertThat(csvRows).as(report.getKey() + " rows").hasSameSizeAs(jsonRows);
            for (int i = 0; i < jsonRows.size(); i++) {
                for (Map.Entry<String, Object> cell : jsonRows.get(i).entrySet()) {
                    assertThat(same(csvRows.get(i).get(cell.getKey()), cell.getValue()))
                            .as("%s row %d %s: csv '%s' json '%s'", report.getKey(), i, cell.getKey(),
                                    csvRows.get(i).get(cell.getKey()), cell.getValue())
                            .isTrue();
                }
            }
            checked++;
        }
        assumeTrue(checked > 0, "no report endpoint with CSV is installed");
    }

    private static List<Map<String, Object>> kpiRows(Object json) {
        Map<String, Object> current = JsonPath.read(json, "$.current");
        Map<String, Object> previous = JsonPath.read(json, "$.previous");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String key : current.keySet()) {
            rows.add(row("metric", snake(key), "current", current.get(key), "previous", previous.get(key)));
        }
        return rows;
    }

    private static List<Map<String, Object>> predictions(Object list) {
        return list(list).stream().map(p -> row("customer_id", p.get("customerId"), "revenue", p.get("revenue"),
                "p_alive", p.get("probabilityAlive"), "churn_risk", p.get("churnRisk"), "label", p.get("label"),
                "clv", p.get("clv"), "next_order_on", p.get("nextOrderOn"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static boolean same(String csv, Object json) {
        if (json == null) {
            return csv == null || csv.isEmpty();
        }
        if (json instanceof Number number && csv != null && !csv.isEmpty()) {
            return new BigDecimal(csv).compareTo(new BigDecimal(number.toString())) == 0;
        }
        return String.valueOf(json).equals(csv);
    }

    /** RFC 4180: header row, quoted fields with doubled quotes, CRLF line ends. */
    static List<Map<String, String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < line.size() ? line.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }
}
