package org.flexsi.deploy.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses a rendered document into the typed model of its kind so that a field the kind does not have fails.
 *
 * <p>fabric8's and Strimzi's models keep unknown fields in an any-setter ({@code additionalProperties}) and some are
 * marked to ignore them, so FAIL_ON_UNKNOWN_PROPERTIES alone would let a misspelt field through: the mapper here
 * takes the any-setter and the ignoring away from every bean. CloudNativePG publishes no Java model; its kinds are
 * checked against schemas cut from its CRDs (src/test/resources/cnpg, tools/trim-cnpg-crd.py).
 */
final class StrictModels {
    static final ObjectMapper MAPPER = strictMapper();

    /** Typed kinds by apiVersion/kind. */
    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    /** CloudNativePG kinds, checked against their trimmed CRD schema. */
    static final Set<String> SCHEMA_CHECKED = Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup");

    private static final Map<String, JsonSchema> SCHEMAS = SCHEMA_CHECKED.stream().collect(Collectors.toMap(
            k -> k, k -> loadSchema(k.substring(k.lastIndexOf('/') + 1))));

    private StrictModels() {
    }

    static String typeKey(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    /** The document as its typed model (a JsonNode for CloudNativePG kinds); throws on anything it does not know. */
    static Object parse(JsonNode doc) {
        String key = typeKey(doc);
        Class<?> type = TYPED.get(key);
        if (type != null) {
            try {
                return MAPPER.treeToValue(doc, type);
            } catch (IOException e) {
                throw new IllegalArgumentException(describe(doc) + ": " + e.getMessage(), e);
            }
        }
        JsonSchema schema = SCHEMAS.get(key);
        if (schema != null) {
            Set<ValidationMessage> errors = schema.validate(doc);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(describe(doc) + " breaks the CloudNativePG CRD: "
                        + errors.stream().map(ValidationMessage::getMessage).sorted().toList());
            }
            return doc;
        }
        throw new IllegalArgumentException(describe(doc) + ": a kind these tests have no model for (" + key + ")");
    }

    static <T> T parse(JsonNode doc, Class<T> type) {
        return type.cast(parse(doc));
    }

    static String describe(JsonNode doc) {
        return doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText();
    }

    private static ObjectMapper strictMapper() {
        SimpleModule strict = new SimpleModule("flexsi-strict");
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        return new ObjectMapper()
                .registerModule(strict)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    private static JsonSchema loadSchema(String kind) {
        String resource = "/cnpg/" + kind + ".schema.json";
        try (InputStream in = StrictModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            JsonNode schema = new ObjectMapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> kinds() {
        return TYPED.keySet().stream().sorted().toList();
    }
}
