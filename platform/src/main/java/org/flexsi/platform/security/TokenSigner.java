package org.flexsi.platform.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens for the local stack and the tests, and writes the key pair they are
 * verified with. Plain JDK on purpose: the launcher uses it without Quarkus on its class path.
 * Production tokens come from the real identity provider, never from here.
 */
public final class TokenSigner {
    public static final String ISSUER = "flexsi";
    /** The audience every flexsi service requires ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "flexsi";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;

    public TokenSigner(PrivateKey privateKey) {
        this.privateKey = privateKey;
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

    public static String publicKeyPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    public static String privateKeyPem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    public static TokenSigner fromPrivateKeyPem(Path pemFile) {
        try {
            String body = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new TokenSigner(key);
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
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + json(audience) + "\",\"sub\":\"" + json(subject)
                + "\",\"upn\":\"" + json(subject) + (agency == null ? "" : "\",\"agency\":\"" + json(agency))
                + "\",\"groups\":[\"" + json(role) + "\"],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
