package org.flexsi.platform.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPair;
import java.time.Duration;
import org.flexsi.platform.security.TokenSigner;
import org.flexsi.platform.testing.TestIdentityProvider;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The identity provider rotates its signing keys on its key set (JWKS); a running service follows without a restart. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TokenKeyRotationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void aNewKeyIsAcceptedOncePublishedAndRefusedOnceWithdrawn() {
        KeyPair next = TokenSigner.newKeyPair();
        String token = "Bearer " + new TokenSigner(next).sign("ops", "ops-rotated", Duration.ofMinutes(5));
        assertEquals(401, status(token), "a key the identity provider has not published");

        TestIdentityProvider.publish(next.getPublic());
        assertEquals(200, statusWithin(token, 200), "the new key, once on the key set");
        assertEquals(200, status(TestTokens.bearer("ops", "ops-1")), "the old key, still on the key set");

        TestIdentityProvider.withdraw(next.getPublic());
        assertEquals(401, statusWithin(token, 401), "the withdrawn key, once the service's copy of the key set expired");
        assertEquals(200, status(TestTokens.bearer("ops", "ops-1")));
    }

    private static int status(String token) {
        return given().header("Authorization", token).get("/test/things/regions/370700").statusCode();
    }

    /** The status once it is the expected one; Awaitility fails the test if it never comes within patience. */
    private static int statusWithin(String token, int expected) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> status(token), s -> s == expected);
    }
}
