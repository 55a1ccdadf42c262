package org.flexsi.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON Schemas under {@code contracts/events/} are the one source of every event contract.
 * Producers validate before writing to the outbox, consumers before acting, so a drifted record
 * never reaches Kafka and a foreign one lands in the dead-letter topic.
 */
public final class EventSchemas {
    private static final String FOLDER = "contracts/events/";
    private static final EventSchemas BUNDLED = load();

    private final Map<String, JsonSchema> byType;

    private EventSchemas(Map<String, JsonSchema> byType) {
        this.byType = byType;
    }

    public static EventSchemas bundled() {
        return BUNDLED;
    }

    public List<String> types() {
        return byType.keySet().stream().sorted().toList();
    }

    public boolean knows(String type) {
        return byType.containsKey(type);
    }

    /** The violations of {@code payload} against the schema of {@code type}; empty when it conforms. */
    public List<String> violations(String type, JsonNode payload) {
        JsonSchema schema = Optional.ofNullable(byType.get(type))
                .orElseThrow(() -> new IllegalArgumentException("no contract for event type " + type));
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Raw schema text of a type, for the compatibility check. */
    public static JsonNode schemaDocument(String type) {
        return readJson(FOLDER + type + ".json");
    }

    public static List<String> bundledTypes() {
        return readText(FOLDER + "index").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static EventSchemas load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<String, JsonSchema> schemas = bundledTypes().stream().collect(Collectors.toUnmodifiableMap(
                Function.identity(), type -> factory.getSchema(schemaDocument(type), config)));
        return new EventSchemas(schemas);
    }

    private static JsonNode readJson(String resource) {
        try {
            return new ObjectMapper().readTree(readText(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing contract resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
