package org.flexsi.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.flexsi.deploy.client.Http;
import org.flexsi.platform.security.TokenSigner;

/**
 * The running local stack as its callers see it: addresses from the state directory's
 * {@code stack.properties} (written by {@code deploy/stack up}), tokens signed with its key, JSON over HTTP.
 */
final class Stack {
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final Properties addresses;
    private final TokenSigner signer;

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

    Http.Answer get(String url, String token) {
        return Http.get(url, token);
    }

    Http.Answer post(String url, String token, Object body) {
        return Http.post(url, token, body);
    }

    /** A write; the same key makes a retry of one intended operation safe. */
    Http.Answer post(String url, String token, Object body, String idempotencyKey) {
        return Http.post(url, token, body, idempotencyKey);
    }
}
