package org.flexsi.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.flexsi.deploy.client.Http;

/**
 * Role × operation, read from each service's own OpenAPI document: an operation's security requirement names the
 * roles its code lets in ({@code @RolesAllowed}, written into the document by the build). Every other role must get
 * 403 and no token 401, whatever the path parameters and body. What a permitted role may then do with a given
 * person or region is the services' own tests' business.
 */
final class AuthorizationMatrix {
    static final List<String> ROLES = List.of("contributor", "proxy", "bank", "agency", "ops", "auditor");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One refusal that did not happen. */
    record Miss(String service, String method, String path, String caller, int status) {
    }

    private final Function<String, String> urls;
    private final BiFunction<String, String, String> tokens;

    AuthorizationMatrix(Function<String, String> urls, BiFunction<String, String, String> tokens) {
        this.urls = urls;
        this.tokens = tokens;
    }

    /** The misses, and in {@code checked} how many calls were made. */
    List<Miss> check(List<String> services, int[] checked) {
        List<Miss> misses = new ArrayList<>();
        for (String service : services) {
            JsonNode doc = Http.get(urls.apply(service) + "/q/openapi?format=json", null).body();
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey()) || !op.getValue().path("security").isArray()
                        || op.getValue().path("security").isEmpty()) {
                    return; // public operations (security: []) are checked by their own tests
                }
                Set<String> allowed = new java.util.HashSet<>();
                op.getValue().path("security").forEach(requirement ->
                        requirement.path("bearer").forEach(role -> allowed.add(role.asText())));
                String url = urls.apply(service) + path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                check(misses, checked, service, op.getKey(), path.getKey(), url, "no token", null, 401);
                for (String role : ROLES) {
                    if (!allowed.isEmpty() && !allowed.contains(role)) {
                        check(misses, checked, service, op.getKey(), path.getKey(), url, role,
                                tokens.apply(role, role.equals("agency") ? "weifang-medical" : UUID.randomUUID().toString()), 403);
                    }
                }
            }));
        }
        return misses;
    }

    private static void check(List<Miss> misses, int[] checked, String service, String method, String path, String url,
            String caller, String token, int expected) {
        Http.Answer answer = switch (method) {
            case "get" -> Http.get(url, token);
            case "post" -> Http.post(url, token, "{}");
            default -> Http.send(method.toUpperCase(), url, token, "{}");
        };
        checked[0]++;
        if (answer.status() != expected) {
            misses.add(new Miss(service, method.toUpperCase(), path, caller, answer.status()));
        }
    }
}
