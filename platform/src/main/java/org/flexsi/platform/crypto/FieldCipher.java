package org.flexsi.platform.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data at rest (ID numbers, bank accounts, the names stored with them), as envelope
 * encryption: values are encrypted with this service's newest data key, data keys are stored wrapped by a master key
 * that only the environment holds. A stored value reads {@code enc1:<data key id>:<base64 of nonce, ciphertext, tag>};
 * the context (table and column) is authenticated with it, so a value moved to another column does not decrypt.
 * A value without the prefix is one written before encryption: it reads as it is until {@link Reencryption} moves it.
 */
@ApplicationScoped
public class FieldCipher {
    static final String PREFIX = "enc1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final EntityManager em;
    private final CryptoConfig config;
    private volatile Keys keys;

    public FieldCipher(EntityManager em, CryptoConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The data keys this service can use, and which one encrypts. */
    record Keys(Map<Integer, SecretKey> byId, int current) {
    }

    public String encrypt(String context, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        Keys k = keys();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, k.byId().get(k.current()), nonce, context,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + k.current() + ":" + B64.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    public String decrypt(String context, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        int keyId = Integer.parseInt(stored.substring(PREFIX.length(), colon));
        SecretKey key = keys().byId().get(keyId);
        if (key == null) {
            keys = null; // a data key another instance made since: read them again
            key = keys().byId().get(keyId);
            if (key == null) {
                throw new IllegalStateException("no data key " + keyId + " for a stored value (its master key is missing?)");
            }
        }
        byte[] all = B64D.decode(stored.substring(colon + 1));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(gcm(Cipher.DECRYPT_MODE, key, nonce, context, sealed), StandardCharsets.UTF_8);
    }

    /** How every value encrypted now begins: values without it are plain or under an older data key. */
    public String currentPrefix() {
        return PREFIX + keys().current() + ":";
    }

    /** Makes a new data key under the active master key; new values use it, {@link Reencryption} moves the rest. */
    public int rotateDataKey() {
        int id = QuarkusTransaction.requiringNew().call(this::insertDataKey);
        keys = null;
        return id;
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
                    keys = k;
                }
            }
        }
        return k;
    }

    private Keys loadOrCreate() {
        // one data key is made for a new master key, however many instances start at once
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, 0x0f1e_c0de_0001L).getSingleResult();
        Keys loaded = load();
        boolean hasActive = loaded.current() > 0;
        return hasActive ? loaded : withNewKey();
    }

    private Keys withNewKey() {
        insertDataKey();
        return load();
    }

    private int insertDataKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String wrapped = B64.encodeToString(nonce) + ":" + B64.encodeToString(
                gcm(Cipher.ENCRYPT_MODE, masterKeys().get(config.masterKeyId()), nonce, "data-key", raw));
        return ((Number) em.createNativeQuery("insert into crypto_data_key (master_key_id, wrapped_key, created_at)"
                        + " values (?1, ?2, ?3) returning id")
                .setParameter(1, config.masterKeyId()).setParameter(2, wrapped).setParameter(3, Instant.now())
                .getSingleResult()).intValue();
    }

    private Keys load() {
        Map<String, SecretKey> masters = masterKeys();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, master_key_id, wrapped_key from crypto_data_key order by id")
                .getResultList();
        Map<Integer, SecretKey> byId = new HashMap<>();
        int current = 0;
        for (Object[] row : rows) {
            int id = ((Number) row[0]).intValue();
            SecretKey master = masters.get((String) row[1]);
            if (master == null) {
                continue; // a retired master key: its values must have been re-encrypted before it was dropped
            }
            byId.put(id, unwrap(id, (String) row[1], master, (String) row[2]));
            if (row[1].equals(config.masterKeyId())) {
                current = id;
            }
        }
        return new Keys(byId, current);
    }

    /** A data key as its master key wrapped it; a master key that cannot open it says which setting is wrong. */
    private static SecretKey unwrap(int id, String masterKeyId, SecretKey master, String wrapped) {
        String[] parts = wrapped.split(":");
        try {
            return new SecretKeySpec(gcm(Cipher.DECRYPT_MODE, master, B64D.decode(parts[0]), "data-key",
                    B64D.decode(parts[1])), "AES");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("data key " + id + " of this database was wrapped by another master key than"
                    + " the one configured as '" + masterKeyId + "' (FLEXSI_CRYPTO_MASTER_KEY or"
                    + " FLEXSI_CRYPTO_PREVIOUS_MASTER_KEYS): the database was made with other keys, e.g. by another"
                    + " checkout's deploy/.run; configure the key it was made with, or drop a throwaway database", e);
        }
    }

    private Map<String, SecretKey> masterKeys() {
        Map<String, SecretKey> masters = new HashMap<>();
        masters.put(config.masterKeyId(), aesKey(config.masterKey().orElseThrow(() -> new IllegalStateException(
                "no master key: set FLEXSI_CRYPTO_MASTER_KEY (base64 of 32 random bytes)")), "FLEXSI_CRYPTO_MASTER_KEY"));
        for (String previous : config.previousMasterKeys().orElse(List.of())) {
            int colon = previous.indexOf(':');
            masters.putIfAbsent(previous.substring(0, colon), aesKey(previous.substring(colon + 1),
                    "FLEXSI_CRYPTO_PREVIOUS_MASTER_KEYS"));
        }
        return masters;
    }

    static SecretKey aesKey(String base64, String setting) {
        byte[] raw = decodeKey(base64);
        if (raw.length != 32) {
            throw new IllegalStateException(setting + " must be base64 of 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** Standard or URL-safe base64, padded or not: keys come from whatever tool made them. */
    static byte[] decodeKey(String base64) {
        String standard = base64.trim().replace('-', '+').replace('_', '/');
        return B64D.decode(standard + "===".substring(0, (4 - standard.length() % 4) % 4));
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " a value of " + context + ": " + e.getMessage(), e);
        }
    }
}
