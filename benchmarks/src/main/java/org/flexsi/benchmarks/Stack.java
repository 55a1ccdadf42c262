package org.flexsi.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
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

    /**
     * Pids of what {@code deploy/stack up} started, by name: each service and the simulators (instances of a scaled-out
     * service together) and Kafka (every broker); the machine's PostgreSQL is not the stack's process.
     */
    Map<String, List<Long>> pids() {
        Map<String, List<Long>> pids = new TreeMap<>();
        for (String child : addresses.getProperty("http", "").split(",")) {
            if (!child.isBlank()) {
                // payment-1, payment-2 … are instances of payment
                String name = child.trim().replaceFirst("-[0-9]+$", "");
                pids.computeIfAbsent(name, k -> new ArrayList<>()).add(Long.parseLong(addresses.getProperty(child.trim() + ".pid")));
            }
        }
        List<String> brokers = addresses.containsKey("kafka.brokers")
                ? List.of(addresses.getProperty("kafka.brokers").split(",")) : List.of("kafka");
        for (String broker : brokers) {
            String pid = addresses.getProperty(broker.trim() + ".pid");
            if (pid != null) {
                pids.computeIfAbsent("kafka", k -> new ArrayList<>()).add(Long.parseLong(pid));
            }
        }
        return pids;
    }

    /** The postmaster's pid when the stack started its own PostgreSQL. */
    OptionalLong postgresPid() {
        String pid = addresses.getProperty("postgres.pid");
        return pid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid));
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
