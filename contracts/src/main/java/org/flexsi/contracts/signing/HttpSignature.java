package org.flexsi.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The wire contract for signed HTTP messages between flexsi and outside parties (payment providers,
 * banks, pension and medical systems): HMAC-SHA256 over method, path, timestamp, nonce and the
 * SHA-256 of the body, with a key shared per party. Both sides of every link use this one class.
 */
public final class HttpSignature {
    public static final String KEY_ID = "X-Flexsi-Key-Id";
    public static final String TIMESTAMP = "X-Flexsi-Timestamp";
    public static final String NONCE = "X-Flexsi-Nonce";
    public static final String SIGNATURE = "X-Flexsi-Signature";
    /** A message older or newer than this is refused, whatever its signature. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private HttpSignature() {
    }

    public static String canonical(String method, String path, long epochSeconds, String nonce, byte[] body) {
        return canonicalOfDigest(method, path, epochSeconds, nonce, sha256Hex(body));
    }

    public static String sign(String secret, String method, String path, long epochSeconds, String nonce, byte[] body) {
        return signDigest(secret, method, path, epochSeconds, nonce, sha256Hex(body));
    }

    /**
     * The same signature as {@link #sign}, from the body's SHA-256 (lower-case hex) instead of the body: for a body
     * too large to hold in memory, hashed while it is streamed.
     */
    public static String signDigest(String secret, String method, String path, long epochSeconds, String nonce,
            String bodySha256Hex) {
        return Base64.getEncoder().encodeToString(
                hmac(secret, canonicalOfDigest(method, path, epochSeconds, nonce, bodySha256Hex)));
    }

    private static String canonicalOfDigest(String method, String path, long epochSeconds, String nonce, String bodySha256Hex) {
        return method.toUpperCase() + "\n" + path + "\n" + epochSeconds + "\n" + nonce + "\n" + bodySha256Hex;
    }

    /** Constant-time comparison of the expected and the presented signature. */
    public static boolean verify(String secret, String method, String path, long epochSeconds, String nonce,
            byte[] body, String presented) {
        if (presented == null || nonce == null || nonce.isBlank()) {
            return false;
        }
        byte[] expected = hmac(secret, canonical(method, path, epochSeconds, nonce, body));
        byte[] given;
        try {
            given = Base64.getDecoder().decode(presented);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    public static boolean withinSkew(long epochSeconds, Instant now) {
        return Math.abs(now.getEpochSecond() - epochSeconds) <= MAX_CLOCK_SKEW.toSeconds();
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
