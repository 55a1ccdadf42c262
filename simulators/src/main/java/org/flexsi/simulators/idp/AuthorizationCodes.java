package org.flexsi.simulators.idp;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Codes issued and not yet exchanged; each is taken once, and an expired one is worth nothing. */
final class AuthorizationCodes {
    private static final int MAX_PENDING = 10_000;

    /** What a code stands for: who signed in, as what, for which client, redirect URI and PKCE challenge. */
    record Grant(String clientId, String redirectUri, String challenge, String user, String role, String nonce,
            Instant expiresAt) {
    }

    private final Map<String, Grant> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    void put(String code, Grant grant) {
        if (pending.size() >= MAX_PENDING) {
            Instant now = clock.instant();
            pending.values().removeIf(g -> g.expiresAt().isBefore(now));
        }
        pending.put(code, grant);
    }

    /** The grant of this code, removed; null when unknown, already taken or expired. */
    Grant take(String code) {
        Grant grant = code == null ? null : pending.remove(code);
        return grant == null || grant.expiresAt().isBefore(clock.instant()) ? null : grant;
    }
}
