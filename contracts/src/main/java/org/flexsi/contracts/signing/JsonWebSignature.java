package org.flexsi.contracts.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * The two pieces of JOSE every token signer here needs (the platform's development signer and the simulated identity
 * provider): an RS256 compact JWS, and an RSA key's id as its RFC 7638 thumbprint, so both name a key alike.
 */
public final class JsonWebSignature {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JsonWebSignature() {
    }

    /** {@code header.claims.signature}, each base64url, signed SHA256withRSA over the first two. */
    public static String rs256(byte[] headerJson, byte[] claimsJson, PrivateKey key) {
        String input = URL.encodeToString(headerJson) + "." + URL.encodeToString(claimsJson);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RFC 7638 thumbprint of an RSA public key: the same key always has the same id, another key another. */
    public static String keyId(BigInteger modulus, BigInteger exponent) {
        String canonical = "{\"e\":\"" + unsigned(exponent) + "\",\"kty\":\"RSA\",\"n\":\"" + unsigned(modulus) + "\"}";
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64url of a big-endian unsigned integer, as a JWK writes {@code n} and {@code e}. */
    public static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int sign = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return URL.encodeToString(Arrays.copyOfRange(bytes, sign, bytes.length));
    }
}
