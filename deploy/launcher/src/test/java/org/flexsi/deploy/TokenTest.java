package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenTest {
    @TempDir
    Path dir;

    @Test
    void tokenVerifiesWithTheKeyOfItsKidInTheKeySetTheServicesFetch() throws Exception {
        StateDir state = new StateDir(dir);

        String token = Stack.signToken(state, "contributor", "person-42", null, Duration.ofMinutes(5));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        rsa.initVerify(publicKey(state.tokenKeySet(), new ObjectMapper().readTree(header).path("kid").asText()));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"person-42\""), claims);
        assertTrue(claims.contains("\"groups\":[\"contributor\"]"), claims);
    }

    @Test
    void tokensOfLaterCallsVerifyWithTheSameKey() throws Exception {
        String first = Stack.signToken(new StateDir(dir), "ops", "alice", null, Duration.ofMinutes(5));
        String second = Stack.signToken(new StateDir(dir), "bank", "bank-1", null, Duration.ofMinutes(5));

        for (String token : new String[] {first, second}) {
            String[] parts = token.split("\\.");
            String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            PublicKey key = publicKey(new StateDir(dir).tokenKeySet(), new ObjectMapper().readTree(header).path("kid").asText());
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
        }
    }

    @Test
    void anAgencyTokenIsBoundToItsAgencyAndEveryTokenIsForFlexsi() {
        String token = Stack.signToken(new StateDir(dir), "agency", "wang.li", "weifang-medical", Duration.ofMinutes(5));

        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"agency\":\"weifang-medical\""), claims);
        assertTrue(claims.contains("\"sub\":\"wang.li\""), claims);
        assertTrue(claims.contains("\"aud\":\"flexsi\""), claims);
    }

    @Test
    void unknownRoleIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Stack.signToken(new StateDir(dir), "admin", "alice", null, Duration.ofMinutes(5)));
    }

    /** The key named {@code kid} in a JSON Web Key Set file; fails when the set has no such key. */
    private static PublicKey publicKey(Path keySet, String kid) throws Exception {
        for (JsonNode key : new ObjectMapper().readTree(keySet.toFile()).path("keys")) {
            if (key.path("kid").asText().equals(kid)) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(key.path("n").asText()),
                        unsigned(key.path("e").asText())));
            }
        }
        throw new AssertionError("no key " + kid + " in " + keySet);
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}
