package org.flexsi.deploy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/** A plain HTTP client speaking JSON to the running services, as their real callers do. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1: no h2c upgrade on every new connection (the benchmark opens many)
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer; {@code traceId} is the service's {@code X-Trace-Id}, the trace the request was part of. */
    public record Answer(int status, JsonNode body, String raw, String traceId) {
        public Answer(int status, JsonNode body, String raw) {
            this(status, body, raw, null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private Http() {
    }

    public static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    /** A write with a fresh idempotency key per call; pass one to retry the same intended operation. */
    public static Answer post(String url, String token, Object body) {
        return post(url, token, body, UUID.randomUUID().toString());
    }

    public static Answer post(String url, String token, Object body, String idempotencyKey) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)), token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any other method (PUT, PATCH, DELETE) with a JSON body. */
    public static Answer send(String method, String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(json)), token);
    }

    /** Repeats {@code call} until {@code done} holds for its answer (events travel asynchronously). */
    public static Answer until(java.util.function.Supplier<Answer> call, Predicate<Answer> done, Duration timeout, String what) {
        Answer last = latest(call, done, Instant.now().plus(timeout), Duration.ofMillis(250));
        if (!done.test(last)) {
            throw new AssertionError(what + " did not happen within " + timeout + "; last answer: " + last);
        }
        return last;
    }

    /**
     * Repeats {@code call} every {@code every} until {@code done} holds or {@code deadline} passes, and returns the last
     * answer either way (an unreachable service answers status 0), for the caller to judge.
     */
    public static Answer latest(java.util.function.Supplier<Answer> call, Predicate<Answer> done, Instant deadline,
            Duration every) {
        while (true) {
            Answer last;
            try {
                last = call.get();
            } catch (IllegalStateException unreachable) {
                last = new Answer(0, null, unreachable.getMessage());
            }
            if (done.test(last) || !Instant.now().isBefore(deadline)) {
                return last;
            }
            sleep(every.toMillis());
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String raw = response.body();
            if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
                body = JSON.readTree(raw);
            }
            return new Answer(response.statusCode(), body, raw, response.headers().firstValue("X-Trace-Id").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
