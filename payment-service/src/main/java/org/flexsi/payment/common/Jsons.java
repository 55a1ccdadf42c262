package org.flexsi.payment.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.flexsi.contracts.Json;
import org.flexsi.contracts.events.LineItem;

/** Line items are stored as the JSON of the event contract, so what is booked is exactly what was assessed. */
public final class Jsons {
    private static final ObjectMapper MAPPER = Json.eventMapper();
    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };

    private Jsons() {
    }

    public static String lines(List<LineItem> lines) {
        try {
            return MAPPER.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write line items", e);
        }
    }

    public static List<LineItem> lines(String json) {
        try {
            return MAPPER.readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored line items are not readable", e);
        }
    }
}
