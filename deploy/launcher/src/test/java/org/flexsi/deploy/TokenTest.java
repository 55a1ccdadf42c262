package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenTest {
    @TempDir
    Path dir;

    @Test
    void tokenVerifiesWithThePublicKeyTheServicesAreGiven() throws Exception {
        StateDir state = new StateDir(dir);

        String token = Stack.signToken(state, "contributor", "person-42", null, Duration.ofMinutes(5));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(state.publicKey()));
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

        PublicKey key = publicKey(new StateDir(dir).publicKey());
        for (String token : new String[] {first, second}) {
            String[] parts = token.split("\\.");
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

    private static PublicKey publicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
