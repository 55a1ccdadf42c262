package org.flexsi.platform.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Keys for personal data at rest, only from the environment or a secret store: {@code FLEXSI_CRYPTO_MASTER_KEY}
 * (base64 of 32 bytes) under {@code FLEXSI_CRYPTO_MASTER_KEY_ID}, earlier master keys still needed to unwrap old data
 * keys in {@code FLEXSI_CRYPTO_PREVIOUS_MASTER_KEYS} ({@code id:base64,...}), and the blind-index key
 * {@code FLEXSI_CRYPTO_INDEX_KEY} (base64 of 32 bytes, never rotated without re-indexing).
 */
@ConfigMapping(prefix = "flexsi.crypto")
public interface CryptoConfig {
    Optional<String> masterKey();

    @WithDefault("k1")
    String masterKeyId();

    Optional<List<String>> previousMasterKeys();

    Optional<String> indexKey();

    /** This service's columns of personal data ({@code table.column}), beside the platform's own. */
    Optional<List<String>> encryptedColumns();

    /** How often {@link Reencryption} looks for values to move ({@code off} in tests that run it by hand). */
    @WithDefault("5m")
    String reencryptEvery();
}
