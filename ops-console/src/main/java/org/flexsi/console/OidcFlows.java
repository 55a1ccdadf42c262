package org.flexsi.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sign-ins begun at the provider and not yet back, by their state; each is taken once, within ten minutes. */
@ApplicationScoped
public class OidcFlows {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One sign-in under way: the state the provider hands back, and the PKCE verifier only this console knows. */
    record Flow(String state, String verifier, Instant expiresAt) {
        /** The PKCE S256 challenge of the verifier, sent with the authorization request. */
        String challenge() {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<String, Flow> pending = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    Flow open() {
        Instant now = clock.instant();
        if (pending.size() >= MAX_PENDING) {
            pending.values().removeIf(f -> f.expiresAt().isBefore(now));
            if (pending.size() >= MAX_PENDING) {
                // a flood of started sign-ins: memory stays bounded, and whoever was under way starts again
                pending.clear();
            }
        }
        Flow flow = new Flow(random(), random(), now.plus(LIFETIME));
        pending.put(flow.state(), flow);
        return flow;
    }

    /** The flow of this state, removed; null when unknown, already back, or expired. */
    Flow take(String state) {
        Flow flow = state == null ? null : pending.remove(state);
        return flow == null || flow.expiresAt().isBefore(clock.instant()) ? null : flow;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
