package org.flexsi.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.EventSchemas;
import org.flexsi.contracts.Json;
import org.flexsi.platform.kafka.CloudEventHeaders;

/** A consumed CloudEvent whose attributes and body were checked against the contracts. */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, String topic,
        String key, JsonNode data) {
    private static final ObjectMapper MAPPER = Json.eventMapper();

    public static IncomingEvent parse(ConsumerRecord<String, String> record) {
        var headers = record.headers();
        String id = require(CloudEventHeaders.read(headers, CloudEventHeaders.ID), "ce_id");
        String type = require(CloudEventHeaders.read(headers, CloudEventHeaders.TYPE), "ce_type");
        String source = require(CloudEventHeaders.read(headers, CloudEventHeaders.SOURCE), "ce_source");
        String time = require(CloudEventHeaders.read(headers, CloudEventHeaders.TIME), "ce_time");
        if (!"1.0".equals(CloudEventHeaders.read(headers, CloudEventHeaders.SPEC_VERSION))) {
            throw new MalformedEventException("ce_specversion must be 1.0");
        }
        if (record.value() == null) {
            throw new MalformedEventException("empty body");
        }
        JsonNode data;
        try {
            data = MAPPER.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("body is not JSON: " + e.getOriginalMessage());
        }
        if (EventSchemas.bundled().knows(type)) {
            List<String> violations = EventSchemas.bundled().violations(type, data);
            if (!violations.isEmpty()) {
                throw new MalformedEventException(type + " breaks its contract: " + violations);
            }
        }
        try {
            return new IncomingEvent(UUID.fromString(id), type, source, CloudEventHeaders.read(headers, CloudEventHeaders.SUBJECT),
                    Instant.parse(time), record.topic(), record.key(), data);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("bad CloudEvents attribute: " + e.getMessage());
        }
    }

    public <T> T dataAs(Class<T> contract) {
        try {
            return MAPPER.treeToValue(data, contract);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("cannot read " + type + " as " + contract.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private static String require(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing CloudEvents header " + header);
        }
        return value;
    }
}
