package org.flexsi.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The alert rules are valid, each fires and stays quiet in its promtool unit tests, and each is documented. */
class AlertRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String RUNBOOK = "deploy/monitoring/RUNBOOK.md";
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @Test
    void theRulesAreValidPromQlAndTemplates() {
        String output = Promtool.succeed(Promtool.PROMETHEUS, "check", "rules", "flexsi-alerts.yml");
        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    void everyUnitTestOfTheRulesPasses() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("test", "rules"));
        arguments.addAll(testFiles().stream().map(p -> p.getFileName().toString()).toList());
        String output = Promtool.succeed(Promtool.PROMETHEUS, arguments.toArray(String[]::new));
        assertFalse(output.contains("FAILED"), output);
    }

    @Test
    void thePrometheusConfigIsValidAndLoadsTheRules() {
        String output = Promtool.succeed(Promtool.PROMETHEUS, "check", "config", "prometheus.yml");
        assertTrue(output.contains("flexsi-alerts.yml"), output);
    }

    @Test
    void everyAlertIsTestedFiringAndQuiet() throws IOException {
        Set<String> fires = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Path file : testFiles()) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("tests")) {
                for (JsonNode check : group.path("alert_rule_test")) {
                    (check.path("exp_alerts").isEmpty() ? quiet : fires).add(check.path("alertname").asText());
                }
            }
        }
        Set<String> alerts = alerts().keySet();
        assertEquals(alerts, new TreeSet<>(fires), "alerts with a test where they fire");
        assertEquals(alerts, new TreeSet<>(quiet), "alerts with a test where they stay quiet");
    }

    @Test
    void everyAlertHasASeverityBilingualSummariesAndItsRunbookSection() throws IOException {
        String runbook = Files.readString(Promtool.MODULE.resolve("RUNBOOK.md"));
        List<String> problems = new ArrayList<>();
        alerts().forEach((name, rule) -> {
            String severity = rule.path("labels").path("severity").asText();
            if (!Set.of("critical", "warning").contains(severity)) {
                problems.add(name + ": severity '" + severity + "' is neither critical nor warning");
            }
            JsonNode annotations = rule.path("annotations");
            for (String key : List.of("summary", "description", "summary_zh", "description_zh")) {
                String text = annotations.path(key).asText();
                boolean chinese = CJK.matcher(text).find();
                if (text.isBlank() || chinese != key.endsWith("_zh")) {
                    problems.add(name + ": annotation " + key + " missing or in the wrong language: '" + text + "'");
                }
            }
            String url = annotations.path("runbook_url").asText();
            if (!url.startsWith(RUNBOOK + "#")) {
                problems.add(name + ": runbook_url '" + url + "' does not point into " + RUNBOOK);
                return;
            }
            String anchor = url.substring(RUNBOOK.length() + 1);
            Matcher section = Pattern.compile("<a id=\"" + Pattern.quote(anchor) + "\"></a>\\R## (.+)").matcher(runbook);
            if (!section.find()) {
                problems.add(name + ": RUNBOOK.md has no section with anchor '" + anchor + "'");
            } else if (!section.group(1).startsWith(name + " — ") || !CJK.matcher(section.group(1)).find()) {
                problems.add(name + ": its runbook section is titled '" + section.group(1) + "', not '" + name + " — <中文名>'");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theRunbookDocumentsNoAlertThatDoesNotExist() throws IOException {
        Matcher headings = Pattern.compile("(?m)^## (Flexsi\\w+) — ").matcher(Files.readString(Promtool.MODULE.resolve("RUNBOOK.md")));
        Set<String> documented = new TreeSet<>();
        while (headings.find()) {
            documented.add(headings.group(1));
        }
        assertEquals(alerts().keySet(), documented);
    }

    /** flexsi-alerts.test.yml and the tests that span business days, evaluated less often. */
    private static List<Path> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(Promtool.PROMETHEUS)) {
            List<Path> tests = files.filter(p -> p.getFileName().toString().endsWith(".test.yml")).sorted().toList();
            assertTrue(tests.contains(Promtool.PROMETHEUS.resolve("flexsi-alerts.test.yml")), "flexsi-alerts.test.yml missing");
            return tests;
        }
    }

    private static Map<String, JsonNode> alerts() throws IOException {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        for (JsonNode group : YAML.readTree(Promtool.PROMETHEUS.resolve("flexsi-alerts.yml").toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    assertFalse(alerts.containsKey(rule.path("alert").asText()), "duplicate alert " + rule.path("alert"));
                    alerts.put(rule.path("alert").asText(), rule);
                }
            }
        }
        assertFalse(alerts.isEmpty(), "no alert in flexsi-alerts.yml");
        return alerts;
    }
}
