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
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What every flexsi OpenAPI document says the same way:
 * <ul>
 * <li>an operation without a security requirement is public ({@code security: []}), so a reader never has to guess
 * whether a token is needed;</li>
 * <li>request bodies are closed ({@code additionalProperties: false}), as the services refuse an unknown field;</li>
 * <li>the standard problem answers are written once, here, for every operation: 401 and 403 where a token is
 * needed, 400 where the request has parameters or a body, 503 everywhere (a dependency down). A resource declares
 * only the answers particular to the operation (404, 409, 422, a 400 or 403 with a more telling description).</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {
    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private static final String PROBLEM = "#/components/schemas/Problem";
    /** What SmallRye writes by itself for 400, 401 and 403; ours say more. */
    private static final Set<String> SMALLRYE_DEFAULTS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        boolean secured = !operation.getSecurity().isEmpty();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            addProblem(operation, "400", "Invalid input: a malformed, missing or unknown parameter or field (named in the problem)");
        }
        if (secured) {
            addProblem(operation, "401", "No valid bearer token");
            addProblem(operation, "403", "The caller's role, agency or region may not do this");
        }
        addProblem(operation, "503", "A dependency (database, broker) is unreachable; retry after Retry-After");
        return operation;
    }

    /** Adds the answer, or completes the bare one SmallRye adds for secured and validated operations. */
    private static void addProblem(Operation operation, String status, String description) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        APIResponse response = existing != null ? existing : OASFactory.createAPIResponse();
        if (existing == null || SMALLRYE_DEFAULTS.contains(existing.getDescription())) {
            response.description(description);
        }
        response.content(OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        operation.getResponses().addAPIResponse(status, response);
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
