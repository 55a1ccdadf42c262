package org.flexsi.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.flexsi.contracts.signing.HttpSignature;

/** Plays flexsi's side of the wire in tests: signed and unsigned calls to the simulators. */
final class SimClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    SimClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply signed(String secret, String method, String path, String body) {
        return signed(secret, method, path, body, Instant.now().getEpochSecond(), UUID.randomUUID().toString());
    }

    Reply signed(String secret, String method, String path, String body, long epochSeconds, String nonce) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String pathOnly = URI.create(baseUrl + path).getRawPath();
        return withSignature(method, path, body, epochSeconds, nonce,
                HttpSignature.sign(secret, method, pathOnly, epochSeconds, nonce, bytes));
    }

    /** Signed, with a W3C traceparent header as a traced caller sends it. */
    Reply signedTraced(String secret, String method, String path, String body, String traceparent) {
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String pathOnly = URI.create(baseUrl + path).getRawPath();
        return withSignature(method, path, body, now, nonce, HttpSignature.sign(secret, method, pathOnly, now, nonce, bytes),
                traceparent);
    }

    /** Sends the given signature headers as they are, whatever the body. */
    Reply withSignature(String method, String path, String body, long epochSeconds, String nonce, String signature) {
        return withSignature(method, path, body, epochSeconds, nonce, signature, null);
    }

    private Reply withSignature(String method, String path, String body, long epochSeconds, String nonce, String signature,
            String traceparent) {
        HttpRequest.Builder request = builder(method, path, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))
                .header(HttpSignature.KEY_ID, "flexsi")
                .header(HttpSignature.TIMESTAMP, Long.toString(epochSeconds))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, signature);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return send(request.build());
    }

    Reply unsigned(String method, String path, String body) {
        return send(builder(method, path, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder builder(String method, String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            return SimClient.json(body);
        }
    }
}
