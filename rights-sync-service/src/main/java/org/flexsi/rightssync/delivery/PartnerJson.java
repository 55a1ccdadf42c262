package org.flexsi.rightssync.delivery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads what the agencies' systems send (callbacks, answers to a poll). Our own API refuses a field it does not know
 * (a client's typo must not pass silently); an agency that adds a field to its answers must not stop the rights flow,
 * so here fields this service does not use are ignored.
 */
@Singleton
public class PartnerJson {
    private final ObjectMapper tolerant;

    public PartnerJson(ObjectMapper mapper) {
        this.tolerant = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public <T> T read(byte[] json, Class<T> type) throws IOException {
        return reader(type).readValue(json);
    }

    public <T> T read(String json, Class<T> type) throws IOException {
        return reader(type).readValue(json);
    }

    private ObjectReader reader(Class<?> type) {
        return tolerant.readerFor(type);
    }
}
