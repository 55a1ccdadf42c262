package org.flexsi.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every Grafana dashboard is valid PromQL: the queries become recording rules of a generated rules file
 * that promtool checks, so a typo fails the build instead of an operator's screen at 3 a.m.
 */
class DashboardQueriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Grafana's variables, replaced by a value of the same kind before checking. */
    private static final Map<String, String> VARIABLES = Map.of(
            "$__rate_interval", "5m", "$__interval", "1m", "$__range", "1h", "$job", ".+");
    /** A Grafana variable left in a query: every one must be known above. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+\\}?");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");

    record Query(String dashboard, String panel, String name, String expr) {
    }

    @Test
    void everyPanelQueryIsValidPromQl(@TempDir Path dir) throws IOException {
        List<Query> queries = queries();
        ArrayNode rules = JSON.createArrayNode();
        for (Query query : queries) {
            rules.addObject().put("record", query.name()).put("expr", query.expr());
        }
        ObjectNode file = JSON.createObjectNode();
        file.putArray("groups").addObject().put("name", "grafana-dashboards").set("rules", rules);
        Path generated = dir.resolve("dashboard-queries.yml");
        new ObjectMapper(new YAMLFactory()).writeValue(generated.toFile(), file);
        Promtool.Result result = Promtool.run(dir, "check", "rules", generated.getFileName().toString());
        if (result.exitCode() != 0) {
            fail("a dashboard query is not valid PromQL (rule names read dashboard:<uid>:panel_<id>_<refId>):\n"
                    + result.output() + "\n" + String.join("\n", queries.stream()
                            .filter(q -> result.output().contains(q.name()))
                            .map(q -> q.dashboard() + " / " + q.panel() + ": " + q.expr()).toList()));
        }
        assertTrue(result.output().contains(queries.size() + " rules found"), result.output());
    }

    @Test
    void everyDashboardIsComplete() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        for (Path path : dashboards()) {
            JsonNode dashboard = JSON.readTree(path.toFile());
            String uid = dashboard.path("uid").asText();
            if (uid.isBlank() || !uids.add(uid) || dashboard.path("title").asText().isBlank()) {
                problems.add(path.getFileName() + ": needs a unique uid and a title");
            }
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels(dashboard)) {
                String where = path.getFileName() + " / " + panel.path("title").asText();
                if (!ids.add(panel.path("id").asInt())) {
                    problems.add(where + ": panel id " + panel.path("id") + " used twice");
                }
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                if (!panel.path("targets").elements().hasNext()) {
                    problems.add(where + ": panel without a query");
                }
                panel.path("targets").forEach(target -> {
                    if (target.path("expr").asText().isBlank()) {
                        problems.add(where + ": empty query " + target.path("refId"));
                    }
                });
                if (!"${datasource}".equals(panel.path("datasource").path("uid").asText())) {
                    problems.add(where + ": must read the dashboard's ${datasource}");
                }
            }
        }
        assertFalse(uids.isEmpty(), "no dashboard in " + Promtool.GRAFANA);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The four dashboards issue 20 asks for. */
    @Test
    void theDashboardsCoverCollectionsPaymentsRightsAndPlatformHealth() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Path path : dashboards()) {
            uids.add(JSON.readTree(path.toFile()).path("uid").asText());
        }
        assertEquals(Set.of("flexsi-collections", "flexsi-payment-flow", "flexsi-rights-deadlines", "flexsi-platform-health"), uids);
    }

    private static List<Query> queries() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Path path : dashboards()) {
            JsonNode dashboard = JSON.readTree(path.toFile());
            String uid = dashboard.path("uid").asText().replaceAll("\\W", "_");
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String name = "dashboard:" + uid + ":panel_" + panel.path("id").asInt() + "_" + target.path("refId").asText();
                    queries.add(new Query(path.getFileName().toString(), panel.path("title").asText(), name,
                            substitute(target.path("expr").asText(), name)));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
                if (labelValues.matches()) {
                    String name = "dashboard:" + uid + ":variable_" + variable.path("name").asText();
                    queries.add(new Query(path.getFileName().toString(), "variable " + variable.path("name").asText(), name,
                            labelValues.group(1)));
                }
            }
        }
        assertFalse(queries.isEmpty(), "no dashboard query found");
        return queries;
    }

    private static String substitute(String expr, String name) {
        String result = expr;
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            result = result.replace(variable.getKey(), variable.getValue());
        }
        // label_replace's "$1" is PromQL, not Grafana
        Matcher left = VARIABLE.matcher(result.replaceAll("\"[^\"]*\\$\\d[^\"]*\"", "\"\""));
        if (left.find()) {
            fail(name + " uses Grafana variable " + left.group() + " that this test does not know: " + expr);
        }
        return result;
    }

    /** Panels, including those folded inside a collapsed row. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(Promtool.GRAFANA)) {
            List<Path> dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertFalse(dashboards.isEmpty(), "no dashboard in " + Promtool.GRAFANA);
            return dashboards;
        }
    }
}
