package org.flexsi.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed index of a sensitive value (HMAC-SHA256 with {@code FLEXSI_CRYPTO_INDEX_KEY}): equal values give equal
 * indexes, so a record can be found by its ID number or account, but a copy of the database without the key cannot
 * be reversed by enumerating the possible numbers, as an unkeyed hash can. The HMAC is taken over the value's SHA-256,
 * so a column that held unkeyed SHA-256 hashes migrates in place with {@link #ofSha256}.
 */
@ApplicationScoped
public class BlindIndex {
    private final SecretKeySpec key;

    public BlindIndex(CryptoConfig config) {
        this.key = config.indexKey().map(k -> {
            byte[] raw = FieldCipher.decodeKey(k);
            if (raw.length < 32) {
                throw new IllegalStateException("FLEXSI_CRYPTO_INDEX_KEY must be base64 of at least 32 bytes");
            }
            return new SecretKeySpec(raw, "HmacSHA256");
        }).orElse(null);
    }

    /** 64 hex digits; {@code kind} separates the index spaces of different values (ID numbers, accounts). */
    public String of(String kind, String value) {
        try {
            return ofSha256(kind, HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index of a value known only by its SHA-256 (64 lowercase hex digits). */
    public String ofSha256(String kind, String sha256Hex) {
        if (key == null) {
            throw new IllegalStateException("no index key: set FLEXSI_CRYPTO_INDEX_KEY (base64 of 32 random bytes)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(sha256Hex.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
