package org.flexsi.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The five services' APIs, called with the signed-in operator's own bearer token: the service decides what the
 * operator may see and do, and records it in its own audit. Answers come back as plain maps and lists for the
 * templates; a service that does not answer is an answer too (status 0), so one slow service blanks one panel,
 * not the console.
 */
@ApplicationScoped
public class Backend {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final Current current;

    public Backend(ConsoleConfig config, ObjectMapper json, Current current) {
        this.config = config;
        this.json = json;
        this.current = current;
    }

    /** One service's answer: the status (0 when it did not answer) and its body as maps and lists. */
    public record Answer(String service, int status, Object body, String raw) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as a list (the item list of {records: [...]} shapes too); empty when there is none. */
        @SuppressWarnings("unchecked")
        public List<Object> list(String field) {
            Object value = body;
            if (field != null && body instanceof Map<?, ?> map) {
                value = map.get(field);
            }
            return value instanceof List<?> list ? (List<Object>) list : List.of();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }

        /** What went wrong, in the service's own words (its problem's title and detail). */
        public String summary() {
            if (status == 0) {
                return service + " does not answer: " + raw;
            }
            Map<String, Object> problem = map();
            Object title = problem.get("title");
            Object detail = problem.get("detail");
            String text = (title == null ? "" : title) + (detail == null ? "" : (title == null ? "" : ": ") + detail);
            return service + " " + status + (text.isBlank() ? "" : " " + text);
        }
    }

    public Answer get(String service, String path) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).GET().header("Accept", "application/json"), true);
    }

    /** An unauthenticated read of a service's own text endpoints (Prometheus metrics). */
    public Answer getText(String service, String path) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).GET().header("Accept", "text/plain"), false);
    }

    /** A write; the idempotency key makes a double-submitted form one action. */
    public Answer post(String service, String path, Object body, String idempotencyKey) {
        return write("POST", service, path, body, idempotencyKey);
    }

    /** A PUT (replaces what is at the path), ended like {@link #act} when the service refuses it. */
    public Answer actPut(String service, String path, Object body) {
        Answer answer = write("PUT", service, path, body, null);
        if (!answer.ok()) {
            throw new ConsoleException.ServiceRefused(answer);
        }
        return answer;
    }

    private Answer write(String method, String service, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path));
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        request.header("Accept", "application/json");
        request.header("Idempotency-Key", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
        return send(service, request, true);
    }

    /** Like {@link #post} but an answer other than 2xx ends the request with the service's problem shown. */
    public Answer act(String service, String path, Object body, String idempotencyKey) {
        Answer answer = post(service, path, body, idempotencyKey);
        if (!answer.ok()) {
            throw new ConsoleException.ServiceRefused(answer);
        }
        return answer;
    }

    public static String query(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                out.append(out.isEmpty() ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    private URI uri(String service, String path) {
        String base = config.services().get(service);
        if (base == null) {
            throw new IllegalStateException("flexsi.console.services." + service + " is not configured");
        }
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private Answer send(String service, HttpRequest.Builder request, boolean withToken) {
        request.timeout(TIMEOUT);
        if (withToken) {
            request.header("Authorization", "Bearer " + current.requireSignedIn().token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            Object body = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (raw != null && !raw.isBlank() && type.contains("json")) {
                body = json.readValue(raw, Object.class);
            }
            return new Answer(service, response.statusCode(), body, raw);
        } catch (IOException e) {
            return new Answer(service, 0, null, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(service, 0, null, "interrupted");
        }
    }
}
