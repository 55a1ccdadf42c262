package org.flexsi.platform.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What every flexsi OpenAPI document says the same way:
 * <ul>
 * <li>an operation without a security requirement is public ({@code security: []}), so a reader never has to guess
 * whether a token is needed;</li>
 * <li>request bodies are closed ({@code additionalProperties: false}), as the services refuse an unknown field.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {
    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents() == null ? Map.of()
                : Objects.requireNonNullElse(openAPI.getComponents().getSchemas(), Map.of());
        Deque<Schema> pending = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().stream()
                    .filter(op -> op.getRequestBody() != null && op.getRequestBody().getContent() != null
                            && op.getRequestBody().getContent().getMediaTypes() != null)
                    .flatMap(op -> op.getRequestBody().getContent().getMediaTypes().entrySet().stream())
                    .filter(entry -> entry.getKey().contains("json"))
                    .map(Map.Entry::getValue).map(MediaType::getSchema).filter(Objects::nonNull)
                    .forEach(pending::add));
        }
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<String> seenRefs = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (!seen.add(schema)) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(COMPONENT_PREFIX)) {
                Schema target = components.get(ref.substring(COMPONENT_PREFIX.length()));
                if (target != null && seenRefs.add(ref)) {
                    pending.add(target);
                }
                continue;
            }
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()
                    && schema.getAdditionalPropertiesSchema() == null) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
            Stream.of(schema.getProperties() == null ? List.<Schema>of() : schema.getProperties().values(),
                            nonNull(schema.getAllOf()), nonNull(schema.getOneOf()), nonNull(schema.getAnyOf()),
                            schema.getItems() == null ? List.<Schema>of() : List.of(schema.getItems()))
                    .flatMap(java.util.Collection::stream).forEach(pending::add);
        }
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
