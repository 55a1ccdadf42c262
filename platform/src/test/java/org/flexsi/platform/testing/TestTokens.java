package org.flexsi.platform.testing;

import java.security.KeyPair;
import java.time.Duration;
import org.flexsi.platform.security.TokenSigner;

/** Bearer tokens for tests, signed by a key pair made for this JVM (nothing secret in the repo). */
public final class TestTokens {
    private static final KeyPair KEYS = TokenSigner.newKeyPair();
    private static final TokenSigner SIGNER = new TokenSigner(KEYS);

    static {
        TestIdentityProvider.publish(KEYS.getPublic());
    }

    private TestTokens() {
    }

    public static String bearer(String role, String subject) {
        return "Bearer " + SIGNER.sign(role, subject, Duration.ofMinutes(30));
    }

    /** An agency staff member's token: subject {@code subject}, bound to the agency {@code agency} names. */
    public static String agencyStaff(String subject, String agency) {
        return "Bearer " + SIGNER.sign("agency", subject, agency, Duration.ofMinutes(30));
    }

    /** A well-signed token issued for another application. */
    public static String forAudience(String audience, String role, String subject) {
        return "Bearer " + SIGNER.sign(audience, role, subject, null, Duration.ofMinutes(30));
    }

    /** Where the services find the key set that verifies these tokens. */
    static String keySetLocation() {
        return TestIdentityProvider.location();
    }
}
