package dev.retention.engage;

import dev.retention.support.UtcTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Each flow's settings: the defaults, overridden by what an admin saved (table rtn_engage_flow_setting). */
public class FlowSettingsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int defaultHoldoutPercent;

    public FlowSettingsService(JdbcClient jdbc, Clock clock, int defaultHoldoutPercent) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultHoldoutPercent = defaultHoldoutPercent;
    }

    public FlowSettings get(Flow flow) {
        return jdbc.sql("SELECT settings FROM rtn_engage_flow_setting WHERE flow = ?")
                .param(flow.key())
                .query(String.class)
                .optional()
                .map(FlowSettingsService::fromJson)
                .orElseGet(() -> FlowSettings.defaults(flow, defaultHoldoutPercent));
    }

    /** Every flow's settings, in declaration order. */
    public Map<Flow, FlowSettings> all() {
        Map<Flow, FlowSettings> all = new EnumMap<>(Flow.class);
        for (Flow flow : Flow.values()) {
            all.put(flow, get(flow));
        }
        return all;
    }

    /** Saves the settings of a flow (already validated by {@link FlowSettings}). */
    public void save(Flow flow, FlowSettings settings, String actor) {
        String json = toJson(settings);
        int updated = jdbc.sql("UPDATE rtn_engage_flow_setting SET settings = ?, updated_at = ?, updated_by = ?"
                        + " WHERE flow = ?")
                .params(json, UtcTime.toColumn(clock.instant()), actor, flow.key())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rtn_engage_flow_setting (flow, settings, updated_at, updated_by) VALUES (?, ?, ?, ?)")
                    .params(flow.key(), json, UtcTime.toColumn(clock.instant()), actor)
                    .update();
        }
    }

    /** JSON-ready view of settings (durations as ISO-8601 strings). */
    public static Map<String, Object> toMap(FlowSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("enabled", settings.enabled());
        map.put("delays", settings.delays().stream().map(Duration::toString).toList());
        map.put("holdoutPercent", settings.holdoutPercent());
        map.put("couponPercent", settings.couponPercent());
        map.put("couponValidDays", settings.couponValidDays());
        map.put("intervalFactor", settings.intervalFactor());
        return map;
    }

    public static String toJson(FlowSettings settings) {
        return JSON.writeValueAsString(toMap(settings));
    }

    /**
     * Reads settings from JSON, refusing bad values with the field they concern; fields left out keep
     * {@code base}'s values.
     */
    public static FlowSettings fromJson(String json, FlowSettings base) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new dev.retention.support.Problems.FieldException(400, "Invalid flow settings", "body",
                    "body: not valid JSON");
        }
        if (!(node instanceof ObjectNode)) {
            throw new dev.retention.support.Problems.FieldException(400, "Invalid flow settings", "body",
                    "body: must be a JSON object");
        }
        boolean enabled = node.has("enabled") ? bool(node.get("enabled"), "enabled") : base.enabled();
        List<Duration> delays = base.delays();
        if (node.has("delays")) {
            JsonNode array = node.get("delays");
            if (!array.isArray()) {
                throw field("delays", "must be a list of ISO-8601 durations such as PT1H");
            }
            delays = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                try {
                    delays.add(Duration.parse(array.get(i).asString()));
                } catch (RuntimeException e) {
                    throw field("delays[" + i + "]", "not an ISO-8601 duration such as PT1H or P3D");
                }
            }
        }
        int holdout = node.has("holdoutPercent") ? integer(node.get("holdoutPercent"), "holdoutPercent")
                : base.holdoutPercent();
        BigDecimal coupon = node.has("couponPercent") ? decimal(node.get("couponPercent"), "couponPercent")
                : base.couponPercent();
        int validDays = node.has("couponValidDays") ? integer(node.get("couponValidDays"), "couponValidDays")
                : base.couponValidDays();
        BigDecimal factor = node.has("intervalFactor") ? decimal(node.get("intervalFactor"), "intervalFactor")
                : base.intervalFactor();
        return new FlowSettings(enabled, delays, holdout, coupon, validDays, factor);
    }

    private static FlowSettings fromJson(String json) {
        return fromJson(json, FlowSettings.defaults(Flow.WELCOME, 0));
    }

    private static boolean bool(JsonNode node, String field) {
        if (!node.isBoolean()) {
            throw field(field, "must be true or false");
        }
        return node.booleanValue();
    }

    private static int integer(JsonNode node, String field) {
        if (!node.isIntegralNumber()) {
            throw field(field, "must be a whole number");
        }
        return node.intValue();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw field(field, "must be a number");
        }
        return node.decimalValue();
    }

    private static RuntimeException field(String field, String message) {
        return new dev.retention.support.Problems.FieldException(400, "Invalid flow settings", field,
                field + ": " + message);
    }
}
