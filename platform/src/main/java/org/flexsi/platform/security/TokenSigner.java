package org.flexsi.platform.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flexsi.contracts.signing.JsonWebSignature;

/**
 * Signs RS256 bearer tokens for the local stack and the tests, and writes the key pair they are
 * verified with, as the key set ({@link #jwks}) an identity provider publishes: every token names its key by
 * {@code kid}, so a new key can be published beside the old one and the services pick it up without a restart.
 * Plain JDK on purpose (no smallrye-jwt-build): the launcher uses it without Quarkus or MicroProfile Config on its
 * class path. Production tokens come from the real identity provider, never from here.
 */
public final class TokenSigner {
    public static final String ISSUER = "flexsi";
    /** The audience every flexsi service requires ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "flexsi";

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    /** A signer for an RSA key pair; its tokens name the public key by its {@link #keyId}. */
    public TokenSigner(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = (RSAPublicKey) pair.getPublic();
        this.keyId = keyId(publicKey);
    }

    /** The key this signer's tokens are verified with, to publish in a key set ({@link #jwks}). */
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The {@code kid} of this signer's tokens. */
    public String keyId() {
        return keyId;
    }

    /** A key's id: its RFC 7638 thumbprint, so the same key always has the same id and another key another. */
    public static String keyId(RSAPublicKey key) {
        return JsonWebSignature.keyId(key.getModulus(), key.getPublicExponent());
    }

    /** The JSON Web Key Set (RFC 7517) that verifies tokens of these keys, as {@code mp.jwt.verify.publickey.location} reads it. */
    public static String jwks(Collection<RSAPublicKey> keys) {
        return keys.stream().map(key -> "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId(key)
                + "\",\"n\":\"" + JsonWebSignature.unsigned(key.getModulus()) + "\",\"e\":\""
                + JsonWebSignature.unsigned(key.getPublicExponent()) + "\"}")
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    /** The public half of a key pair written by {@link #privateKeyPem}. */
    private static RSAPublicKey publicKeyOf(PrivateKey privateKey) {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String privateKeyPem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    public static TokenSigner fromPrivateKeyPem(Path pemFile) {
        try {
            String body = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new TokenSigner(new KeyPair(publicKeyOf(key), key));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read private key " + pemFile, e);
        }
    }

    /**
     * A token for one role; for a contributor the subject is the person id. An agency token is bound to the agency
     * its subject names (the {@code agency} claim), as the local stack's agencies sign in under their own id.
     */
    public String sign(String role, String subject, Duration lifetime) {
        return sign(role, subject, "agency".equals(role) ? subject : null, lifetime);
    }

    /** A token for one role, with the {@code agency} claim an agency's staff member carries (null for none). */
    public String sign(String role, String subject, String agency, Duration lifetime) {
        return sign(AUDIENCE, role, subject, agency, lifetime);
    }

    /** A token for another audience: only tests want one, to see it refused. */
    public String sign(String audience, String role, String subject, String agency, Duration lifetime) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + json(audience) + "\",\"sub\":\"" + json(subject)
                + "\",\"upn\":\"" + json(subject) + (agency == null ? "" : "\",\"agency\":\"" + json(agency))
                + "\",\"groups\":[\"" + json(role) + "\"],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        return JsonWebSignature.rs256(header.getBytes(StandardCharsets.UTF_8), claims.getBytes(StandardCharsets.UTF_8),
                privateKey);
    }


    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
