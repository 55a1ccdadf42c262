package org.flexsi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyReleasedContractIsStillReadableByItsConsumers() throws IOException {
        Path newest = newestRelease();
        List<Path> released;
        try (Stream<Path> files = Files.list(newest)) {
            released = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(released.isEmpty(), "no released contracts in " + newest);
        for (Path file : released) {
            String type = file.getFileName().toString().replaceFirst("\\.json$", "");
            assertTrue(EventSchemas.bundledTypes().contains(type), "released contract " + type + " was deleted");
            List<String> problems = SchemaCompatibility.breakingChanges(MAPPER.readTree(file.toFile()),
                    EventSchemas.schemaDocument(type));
            assertEquals(List.of(), problems, type + " is no longer backward compatible; publish a new version (.v2) instead");
        }
    }

    @Test
    void theCheckCatchesABreakingChange() {
        JsonNode released = EventSchemas.schemaDocument(PaymentSucceeded.TYPE);
        ObjectNode newRequired = released.deepCopy();
        ((ArrayNode) newRequired.withArray("required")).add("brandNewField");
        ObjectNode removed = released.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("channel");
        ObjectNode retyped = released.deepCopy();
        ((ObjectNode) retyped.get("properties").get("total")).put("type", "number");

        assertEquals(List.of("/brandNewField: became required"), SchemaCompatibility.breakingChanges(released, newRequired));
        assertEquals(List.of("/channel: removed"), SchemaCompatibility.breakingChanges(released, removed));
        assertEquals(1, SchemaCompatibility.breakingChanges(released, retyped).size());
    }

    @Test
    void anAddedOptionalFieldIsCompatible() {
        JsonNode released = EventSchemas.schemaDocument(PaymentSucceeded.TYPE);
        ObjectNode added = released.deepCopy();
        ((ObjectNode) added.get("properties")).putObject("note").put("type", "string");
        assertEquals(List.of(), SchemaCompatibility.breakingChanges(released, added));
    }

    private static Path newestRelease() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("released"))) {
            return dirs.filter(Files::isDirectory)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .orElseThrow();
        }
    }

}
