package org.flexsi.platform.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.crypto.BlindIndex;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.platform.crypto.Reencryption;
import org.flexsi.platform.outbox.Outbox;
import org.junit.jupiter.api.Test;

/** Personal data is stored encrypted, found by a keyed index, and moved to a new key without downtime. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class PersonalDataAtRestTest {
    private static final String COLUMN = "test_secret.value";
    private static final String ID_NUMBER = "420106199003071238";

    @Inject
    FieldCipher cipher;
    @Inject
    BlindIndex index;
    @Inject
    Reencryption reencryption;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    @Test
    void aValueIsStoredEncryptedAndReadsBackOnlyInItsOwnColumn() {
        String stored = cipher.encrypt(COLUMN, ID_NUMBER);
        assertTrue(stored.startsWith(cipher.currentPrefix()), stored);
        assertFalse(stored.contains(ID_NUMBER));
        assertNotEquals(stored, cipher.encrypt(COLUMN, ID_NUMBER), "a fresh nonce each time");
        assertEquals(ID_NUMBER, cipher.decrypt(COLUMN, stored));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("other_table.value", stored));
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(COLUMN, tampered));
    }

    @Test
    void rowsFromBeforeEncryptionAndRowsUnderAnOldKeyMoveToTheCurrentKey() {
        String plain = "plain-" + UUID.randomUUID();
        String old = "old-" + UUID.randomUUID();
        insert(plain, ID_NUMBER);
        insert(old, cipher.encrypt(COLUMN, "370702199211203015"));
        String before = stored(old);

        cipher.rotateDataKey();
        assertFalse(before.startsWith(cipher.currentPrefix()), "the old value is under the previous key");
        assertTrue(reencryption.runAll() >= 2);

        assertTrue(stored(plain).startsWith(cipher.currentPrefix()), stored(plain));
        assertTrue(stored(old).startsWith(cipher.currentPrefix()), stored(old));
        assertEquals(ID_NUMBER, cipher.decrypt(COLUMN, stored(plain)));
        assertEquals("370702199211203015", cipher.decrypt(COLUMN, stored(old)));
        assertEquals(0, reencryption.runAll(), "nothing left to move");
    }

    @Test
    void anOutboxPayloadHoldsNoPlainIdNumber() {
        String person = "p-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new PersonRegistered(person, "RESIDENT_ID", ID_NUMBER,
                "张伟", "MALE", LocalDate.of(1990, 3, 7), "420100", null, null, null, Instant.now())));
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select payload from outbox_event where event_key = ?1").setParameter(1, person)
                .getSingleResult());
        assertFalse(payload.contains(ID_NUMBER), payload);
        assertTrue(cipher.decrypt(Outbox.PAYLOAD_COLUMN, payload).contains(ID_NUMBER));
    }

    @Test
    void theBlindIndexIsKeyedStableAndMigratesAnUnkeyedHash() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ID_NUMBER.getBytes(StandardCharsets.UTF_8)));
        String indexed = index.of("resident-id", ID_NUMBER);
        assertEquals(indexed, index.of("resident-id", ID_NUMBER));
        assertEquals(indexed, index.ofSha256("resident-id", sha));
        assertNotEquals(indexed, index.of("bank-account", ID_NUMBER));
        assertNotEquals(sha, indexed);
        assertEquals(64, indexed.length());
    }

    @Test
    void aDatabaseMadeWithAnotherMasterKeyIsRefusedNamingTheSetting() {
        // a data key as another checkout (another master key under the same id) would have left it
        byte[] foreign = new byte[60];
        new SecureRandom().nextBytes(foreign);
        Base64.Encoder b64 = Base64.getEncoder();
        Number id = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "insert into crypto_data_key (master_key_id, wrapped_key, created_at) select master_key_id, ?1, now()"
                        + " from crypto_data_key order by id desc limit 1 returning id")
                .setParameter(1, b64.encodeToString(Arrays.copyOf(foreign, 12)) + ":"
                        + b64.encodeToString(Arrays.copyOfRange(foreign, 12, 60)))
                .getSingleResult());
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
                cipher.rotateDataKey();
                cipher.encrypt(COLUMN, ID_NUMBER);
            });
            assertTrue(refused.getMessage().contains("data key " + id + " ") && refused.getMessage()
                    .contains("FLEXSI_CRYPTO_MASTER_KEY"), refused.getMessage());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from crypto_data_key where id = ?1")
                    .setParameter(1, id).executeUpdate());
            cipher.rotateDataKey();
        }
        assertEquals(ID_NUMBER, cipher.decrypt(COLUMN, cipher.encrypt(COLUMN, ID_NUMBER)));
    }

    private void insert(String id, String value) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into test_secret (id, value) values (?1, ?2)")
                .setParameter(1, id).setParameter(2, value).executeUpdate());
    }

    private String stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select value from test_secret where id = ?1").setParameter(1, id).getSingleResult());
    }
}
