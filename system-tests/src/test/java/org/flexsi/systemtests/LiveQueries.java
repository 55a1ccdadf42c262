package org.flexsi.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flexsi.deploy.client.Http;

/**
 * Every query an operator relies on, run against the stack's real Prometheus: the alert rules (Prometheus evaluates
 * them itself; each must be healthy) and every Grafana panel's PromQL, with Grafana's variables given a value.
 */
final class LiveQueries {
    /** Grafana's variables, as Grafana would fill them for a short range. */
    private static final Map<String, String> VARIABLES = Map.of("$__rate_interval", "1m", "$__interval", "30s",
            "$__range", "15m", "$job", ".+");

    record Result(String source, String expr, String error, int series) {
    }

    private final String prometheus;

    LiveQueries(String prometheus) {
        this.prometheus = prometheus;
    }

    /** Rules Prometheus could not evaluate, as "group/rule: error". */
    List<String> unhealthyRules() {
        List<String> unhealthy = new ArrayList<>();
        JsonNode groups = Http.get(prometheus + "/api/v1/rules", null).body().path("data").path("groups");
        groups.forEach(group -> group.path("rules").forEach(rule -> {
            if (!"ok".equals(rule.path("health").asText())) {
                unhealthy.add(group.path("name").asText() + "/" + rule.path("name").asText() + ": "
                        + rule.path("health").asText() + " " + rule.path("lastError").asText());
            }
        }));
        if (groups.isEmpty()) {
            unhealthy.add("no rule group loaded");
        }
        return unhealthy;
    }

    List<Result> dashboardQueries(Path dashboards) throws IOException {
        List<Result> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(Http.JSON.readTree(file.toFile()), file.getFileName().toString(), results);
            }
        }
        return results;
    }

    private void collect(JsonNode node, String source, List<Result> results) {
        if (node.isObject()) {
            if (node.path("expr").isTextual() && !node.path("expr").asText().isBlank()) {
                results.add(query(source + " / " + node.path("refId").asText("?"), node.path("expr").asText()));
            }
            node.elements().forEachRemaining(child -> collect(child, source, results));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, source, results));
        }
    }

    private Result query(String source, String expr) {
        String filled = expr;
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            filled = filled.replace(variable.getKey(), variable.getValue());
        }
        JsonNode answer = Http.get(prometheus + "/api/v1/query?query=" + URLEncoder.encode(filled, StandardCharsets.UTF_8),
                null).body();
        if (answer == null || !"success".equals(answer.path("status").asText())) {
            return new Result(source, expr, answer == null ? "no answer" : answer.path("error").asText(), 0);
        }
        return new Result(source, expr, null, answer.path("data").path("result").size());
    }
}
