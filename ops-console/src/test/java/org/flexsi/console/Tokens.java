package org.flexsi.console;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.util.Set;

/** Tokens as deploy/stack signs them, with the test key pair whose public half the console trusts in tests. */
final class Tokens {
    private Tokens() {
    }

    static String of(String role, String subject) {
        return build(role, subject, "flexsi", 3600);
    }

    static String build(String role, String subject, String audience, long lifetimeSeconds) {
        try {
            PrivateKey key = KeyUtils.readPrivateKey("test-keys/privateKey.pem");
            long now = System.currentTimeMillis() / 1000;
            return Jwt.issuer("flexsi").audience(audience).subject(subject).upn(subject).groups(Set.of(role))
                    .issuedAt(now - 10).expiresAt(now + lifetimeSeconds).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
