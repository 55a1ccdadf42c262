package org.flexsi.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The strict parsing the manifest tests rely on does refuse what a cluster would not take. */
class StrictParsingTest {

    private static JsonNode first(String kind, String name) {
        return Rendered.overlay("production").stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow().deepCopy();
    }

    private static void refused(String kind, String name, String expectedInMessage, Consumer<ObjectNode> change) {
        JsonNode doc = first(kind, name);
        assertDoesNotThrow(() -> StrictModels.parse(doc), "unchanged " + kind + " parses");
        change.accept((ObjectNode) doc);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictModels.parse(doc));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void aMisspeltFieldInACoreKindFails() {
        refused("Deployment", "payment-service", "readinessProbes", d -> ((ObjectNode) d.at("/spec/template/spec/containers/0"))
                .set("readinessProbes", d.at("/spec/template/spec/containers/0/readinessProbe")));
        refused("Service", "payment-service", "selectors", d -> ((ObjectNode) d.at("/spec")).put("selectors", "x"));
        refused("NetworkPolicy", "payment-service", "egres", d -> ((ObjectNode) d.at("/spec")).set("egres", d.at("/spec/egress")));
        refused("HorizontalPodAutoscaler", "payment-service", "maxReplica",
                d -> ((ObjectNode) d.at("/spec")).put("maxReplica", 4));
        refused("PodDisruptionBudget", "payment-service", "minAvailble",
                d -> ((ObjectNode) d.at("/spec")).put("minAvailble", 1));
    }

    @Test
    void aMisspeltFieldInAStrimziKindFails() {
        refused("KafkaTopic", "flexsi.payment", "partition", d -> ((ObjectNode) d.at("/spec")).put("partition", 6));
        refused("KafkaUser", "payment-service", "operation_s",
                d -> ((ObjectNode) d.at("/spec/authorization/acls/0")).putArray("operation_s").add("Write"));
        refused("Kafka", "flexsi", "listener", d -> ((ObjectNode) d.at("/spec/kafka")).putArray("listener"));
        refused("KafkaNodePool", "nodes", "role", d -> ((ObjectNode) d.at("/spec")).putArray("role").add("broker"));
    }

    @Test
    void aMisspeltOrWronglyTypedFieldInACloudNativePgKindFails() {
        refused("Cluster", "flexsi-db", "superUser",
                d -> ((ObjectNode) d.at("/spec/managed/roles/0")).put("superUser", false));
        refused("Cluster", "flexsi-db", "instances", d -> ((ObjectNode) d.at("/spec")).put("instances", "three"));
        refused("Cluster", "flexsi-db", "instance", d -> ((ObjectNode) d.at("/spec")).put("instance", 3));
        refused("Database", "flexsi-payment", "owner", d -> ((ObjectNode) d.at("/spec")).remove("owner"));
        refused("Database", "flexsi-payment", "ensure",
                d -> ((ObjectNode) d.at("/spec/schemas/0")).put("ensure", "maybe"));
        refused("ScheduledBackup", "flexsi-db-nightly", "method", d -> ((ObjectNode) d.at("/spec")).put("method", "tape"));
    }

    @Test
    void theTrimmedCloudNativePgSchemasDescribeEveryPathTheManifestsSet() throws Exception {
        // a path set in a manifest but stubbed in the schema ({"type": "object"} only) would accept any field below
        for (String overlay : java.util.List.of("local", "production")) {
            for (JsonNode doc : Rendered.overlay(overlay)) {
                if (!doc.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")) {
                    continue;
                }
                String kind = doc.path("kind").asText();
                JsonNode schema;
                try (var in = StrictParsingTest.class.getResourceAsStream("/cnpg/" + kind + ".schema.json")) {
                    schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
                }
                covered(overlay + " " + kind, "", doc, schema);
            }
        }
    }

    private static void covered(String where, String path, JsonNode value, JsonNode schema) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) || path.equals("/metadata")) {
            return;
        }
        if (value.isObject()) {
            boolean described = schema.has("properties") || schema.path("additionalProperties").isObject();
            assertTrue(described, where + ": the schema stops at " + path + "; run tools/trim-cnpg-crd.py again");
            value.fields().forEachRemaining(e -> {
                JsonNode sub = schema.path("properties").has(e.getKey()) ? schema.path("properties").path(e.getKey())
                        : schema.path("additionalProperties");
                if (!sub.isMissingNode() && sub.isObject()) {
                    covered(where, path + "/" + e.getKey(), e.getValue(), sub);
                }
            });
        } else if (value.isArray()) {
            assertTrue(schema.has("items"), where + ": the schema stops at " + path + "; run tools/trim-cnpg-crd.py again");
            for (JsonNode item : value) {
                covered(where, path + "[]", item, schema.path("items"));
            }
        }
    }

    @Test
    void aKindWithoutAModelFails() {
        ObjectNode doc = Rendered.YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        doc.putObject("metadata").put("name", "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictModels.parse(doc));
        assertTrue(e.getMessage().contains("no model"), e.getMessage());
    }

    @Test
    void everyRenderedDocumentRoundTripsThroughItsModel() {
        // the typed model keeps what was written: no field silently dropped on the way in
        for (JsonNode doc : Rendered.overlay("production")) {
            Object model = StrictModels.parse(doc);
            if (model instanceof JsonNode) {
                continue;
            }
            ObjectNode back = StrictModels.MAPPER.valueToTree(model);
            ObjectNode written = doc.deepCopy();
            // Strimzi 0.49's classes answer with their storage version (v1); the manifests say v1beta2, served as well
            back.remove("apiVersion");
            written.remove("apiVersion");
            assertEquals(strip(written), strip(back), StrictModels.describe(doc));
        }
    }

    /** Drops what the models add or normalise (nulls, empty containers, the status), so the rest compares. */
    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("status");
            var names = new java.util.ArrayList<String>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                JsonNode v = strip(o.get(n));
                // nulls, empty containers and false flags are what the models leave out as their defaults
                if (v.isNull() || (v.isContainerNode() && v.isEmpty()) || (v.isBoolean() && !v.asBoolean())) {
                    o.remove(n);
                } else {
                    o.set(n, v);
                }
            }
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, strip(a.get(i)));
            }
            return a;
        }
        if (node.isNumber() || (node.isBoolean() && node.asBoolean())) {
            return Rendered.YAML.getNodeFactory().textNode(node.asText());
        }
        return node;
    }
}
