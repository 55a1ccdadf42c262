package org.flexsi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.flexsi.platform.security.TokenSigner;

/**
 * The running local stack as its callers see it: addresses from the state directory's
 * {@code stack.properties} (written by {@code deploy/stack up}), tokens signed with its key, JSON over HTTP.
 */
final class Stack {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final Properties addresses;
    private final TokenSigner signer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    record Answer(int status, JsonNode body, String raw) {
        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private Stack(Properties addresses, TokenSigner signer) {
        this.addresses = addresses;
        this.signer = signer;
    }

    static Stack at(Path stateDir) {
        Path key = stateDir.resolve("jwt/privateKey.pem");
        if (!Files.exists(key)) {
            throw new IllegalStateException("no signing key at " + key + ": is a stack running from there (deploy/stack up)?");
        }
        Properties props = new Properties();
        Path file = stateDir.resolve("stack.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        return new Stack(props, TokenSigner.fromPrivateKeyPem(key));
    }

    /** Base URL of a service (registration, assessment, payment, certificate, rights-sync) or the simulators. */
    String url(String name) {
        String fallback = switch (name) {
            case "registration" -> "http://127.0.0.1:8081";
            case "assessment" -> "http://127.0.0.1:8082";
            case "payment" -> "http://127.0.0.1:8083";
            case "certificate" -> "http://127.0.0.1:8084";
            case "rights-sync" -> "http://127.0.0.1:8085";
            case "simulators" -> "http://127.0.0.1:8090";
            default -> throw new IllegalArgumentException(name);
        };
        return addresses.getProperty(name + ".url", fallback);
    }

    String kafka() {
        return System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", addresses.getProperty("kafka.address", "127.0.0.1:9092"));
    }

    String postgres() {
        return addresses.getProperty("postgres.address", System.getenv().getOrDefault("FLEXSI_DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("FLEXSI_DB_PORT", "5432"));
    }

    String token(String role, String subject) {
        return signer.sign(role, subject, TOKEN_LIFETIME);
    }

    Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    Answer post(String url, String token, Object body) {
        return post(url, token, body, UUID.randomUUID().toString());
    }

    /** A write; the same key makes a retry of one intended operation safe. */
    Answer post(String url, String token, Object body, String idempotencyKey) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)), token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw != null && (raw.startsWith("{") || raw.startsWith("[")) ? JSON.readTree(raw) : null;
            return new Answer(response.statusCode(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
