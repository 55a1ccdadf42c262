package org.flexsi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each contract has a sample ({@code samples/<type>.json}) that validates against its schema and
 * survives a round trip through its Java record, so the record and the schema cannot drift apart.
 */
class EventContractsTest {
    private static final ObjectMapper MAPPER = Json.eventMapper();

    static Stream<String> types() {
        return EventSchemas.bundledTypes().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theSampleValidatesAndRoundTripsThroughItsRecord(String type) throws Exception {
        JsonNode sample = sample(type);
        assertEquals(List.of(), EventSchemas.bundled().violations(type, sample), "sample of " + type);

        Event event = (Event) MAPPER.treeToValue(sample, recordOf(type));
        assertEquals(type, event.eventType());
        assertNotNull(event.partitionKey(), "every event has a key");
        assertTrue(Topics.ALL.contains(event.topic()));
        JsonNode written = MAPPER.valueToTree(event);
        assertEquals(List.of(), EventSchemas.bundled().violations(type, written), "record of " + type);
        assertFalse(written.has("eventType"), "routing facts must not leak into the payload");
        assertEquals(sample.size(), written.size(), "the record carries every field of the schema's sample");
    }

    @Test
    void aDriftedPayloadIsRefused() throws IOException {
        ObjectNode payment = (ObjectNode) sample(PaymentSucceeded.TYPE);
        payment.put("total", 796.0);
        payment.remove("personId");
        assertEquals(2, EventSchemas.bundled().violations(PaymentSucceeded.TYPE, payment).size());
    }

    @Test
    void moneyIsADecimalStringWithTwoPlaces() throws IOException {
        ObjectNode payment = (ObjectNode) sample(PaymentSucceeded.TYPE);
        payment.put("total", "796.0");
        assertFalse(EventSchemas.bundled().violations(PaymentSucceeded.TYPE, payment).isEmpty());
    }

    /** {@code org.flexsi.rights.at-risk.v1} is implemented by {@code events.RightsAtRisk}. */
    private static Class<?> recordOf(String type) throws ClassNotFoundException {
        String name = type.replaceFirst("^org\\.flexsi\\.", "").replaceFirst("\\.v[0-9]+$", "");
        StringBuilder simple = new StringBuilder();
        for (String part : name.split("[.-]")) {
            simple.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return Class.forName("org.flexsi.contracts.events." + simple);
    }

    private static JsonNode sample(String type) throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/samples/" + type + ".json")) {
            assertNotNull(in, "no sample for " + type);
            return MAPPER.readTree(in);
        }
    }
}
