package org.flexsi.simulators.idp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flexsi.contracts.signing.JsonWebSignature;
import org.flexsi.simulators.http.Json;

/**
 * Signs the identity provider's tokens (RS256) with the private key whose public half the key set names: the same
 * key pair the local stack's {@code deploy/stack token} signs with (the launcher passes its PEM file), so the services
 * accept these tokens as they accept those. The {@code kid} is the key's RFC 7638 thumbprint, as in the key set.
 */
final class TokenIssuer {
    private final RSAPrivateCrtKey key;
    private final String keyId;

    private TokenIssuer(RSAPrivateCrtKey key) {
        this.key = key;
        this.keyId = JsonWebSignature.keyId(key.getModulus(), key.getPublicExponent());
    }

    /** Reads a PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}). */
    static TokenIssuer fromPem(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new TokenIssuer((RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("cannot read the identity provider's signing key " + pem, e);
        }
    }

    /** A compact JWS of these claims. */
    String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        return JsonWebSignature.rs256(Json.write(header), Json.write(claims), key);
    }
}
