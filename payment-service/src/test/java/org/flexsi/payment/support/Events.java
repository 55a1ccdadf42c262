package org.flexsi.payment.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.Topics;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestKafka;

/** What the service published on flexsi.payment, read as any consumer would. */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** The first event of {@code type} that mentions {@code id} (a payment or refund id). */
    public static JsonNode awaitEvent(String id, String type) {
        List<ConsumerRecord<String, String>> seen = TestKafka.read(Topics.PAYMENT, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> is(r, id, type)));
        return seen.stream().filter(r -> is(r, id, type)).findFirst().map(r -> parse(r.value()))
                .orElseThrow(() -> new AssertionError("no " + type + " for " + id));
    }

    /** How many events of {@code type} mention {@code id}; reads for a moment so a wrong extra one would show. */
    public static long events(String id, String type) {
        return TestKafka.read(Topics.PAYMENT, Duration.ofSeconds(3), records -> false).stream()
                .filter(r -> is(r, id, type)).count();
    }

    private static boolean is(ConsumerRecord<String, String> record, String id, String type) {
        return type.equals(TestKafka.header(record, CloudEventHeaders.TYPE)) && record.value().contains("\"" + id + "\"");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
