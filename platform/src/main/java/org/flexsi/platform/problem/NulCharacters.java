package org.flexsi.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses text with a NUL character (U+0000) before it reaches the database: PostgreSQL cannot store one in a text
 * column and fails the statement, which would otherwise come out as a 500. Path and query parameters are checked as
 * a request arrives, JSON strings as they are read, each answer naming what was wrong.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {
    private static final char NUL = '\0';
    private static final String MESSAGE = "must not contain a NUL character";

    @ServerRequestFilter(preMatching = true)
    public Response refuseInParameters(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf(NUL) >= 0) {
            return malformed("path", "the path " + MESSAGE);
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf(NUL) >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf(NUL) >= 0)) {
                return malformed(parameter.getKey(), "query parameter " + parameter.getKey() + " " + MESSAGE);
            }
        }
        return null;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("flexsi-nul-characters").addDeserializer(String.class, new Refusing()));
    }

    private static Response malformed(String field, String detail) {
        return Problem.of(400, "malformed-parameter", "Malformed parameter", detail)
                .withErrors(List.of(new Problem.FieldError(field, MESSAGE))).toResponse();
    }

    /** Jackson's own string reading, and a failure that {@link ProblemMappers} reports with the field's path. */
    private static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf(NUL) >= 0) {
                throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
