package org.flexsi.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Backward compatibility of a JSON Schema, as a consumer on the released version sees it: every
 * property it knew is still there with the same type, nothing becomes required that was optional,
 * and no enum loses a value. New optional properties are fine (consumers ignore unknown fields).
 */
final class SchemaCompatibility {
    private SchemaCompatibility() {
    }

    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("", released, current, problems);
        return problems;
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> problems) {
        if (!released.path("type").equals(current.path("type"))) {
            problems.add(at + ": type changed from " + released.path("type") + " to " + current.path("type"));
        }
        if (!released.path("pattern").equals(current.path("pattern"))) {
            problems.add(at + ": pattern changed");
        }
        Set<String> wasRequired = strings(released.path("required"));
        for (String now : strings(current.path("required"))) {
            if (!wasRequired.contains(now)) {
                problems.add(at + "/" + now + ": became required");
            }
        }
        Set<String> nowAllowed = strings(current.path("enum"));
        if (current.has("enum")) {
            for (String value : strings(released.path("enum"))) {
                if (!nowAllowed.contains(value)) {
                    problems.add(at + ": enum lost " + value);
                }
            }
        }
        released.path("properties").fields().forEachRemaining(property -> {
            JsonNode kept = current.path("properties").get(property.getKey());
            if (kept == null) {
                problems.add(at + "/" + property.getKey() + ": removed");
            } else {
                compare(at + "/" + property.getKey(), property.getValue(), kept, problems);
            }
        });
        if (released.has("items")) {
            compare(at + "[]", released.path("items"), current.path("items"), problems);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.isNull() ? "null" : node.asText()));
        return values;
    }
}
