package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
    @TempDir
    Path dir;

    @Test
    void secretsAreGeneratedOnceAndReused() throws IOException {
        Map<String, String> first = new StateDir(dir).secrets();

        assertEquals(StateDir.PARTIES, first.keySet().stream().toList());
        assertEquals(5, first.values().stream().distinct().count(), "one secret per party");
        first.values().forEach(secret -> assertTrue(secret.length() >= 40, secret));
        assertEquals(first, new StateDir(dir).secrets(), "a second start reads the same file");
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.properties"))));
    }

    @Test
    void banksGetTheirOwnSecretsKeptApartFromTheParties() {
        StateDir state = new StateDir(dir);
        Map<String, String> parties = state.secrets();
        Map<String, String> banks = state.bankSecrets();

        assertEquals(StateDir.BANKS, banks.keySet().stream().toList());
        banks.values().forEach(secret -> assertTrue(secret.length() >= 40, secret));
        assertEquals(7, java.util.stream.Stream.concat(parties.values().stream(), banks.values().stream()).distinct().count());
        assertEquals(banks, new StateDir(dir).bankSecrets(), "a second start reads the same file");
        assertEquals(parties, state.secrets(), "adding banks changes no party's secret");
    }

    @Test
    void aMissingPartyIsAddedWithoutChangingTheOthers() {
        StateDir state = new StateDir(dir);
        Map<String, String> first = state.secrets();
        Properties edited = StateDir.readProperties(state.secretsFile());
        edited.remove("medical");
        StateDir.writeProperties(state.secretsFile(), edited, "test");

        Map<String, String> second = state.secrets();

        assertEquals(first.get("wechat"), second.get("wechat"));
        assertEquals(first.get("pension"), second.get("pension"));
        assertNotEquals(first.get("medical"), second.get("medical"));
    }

    @Test
    void keyPairIsGeneratedOnceAndReused() throws IOException {
        StateDir state = new StateDir(dir);
        state.signer();
        byte[] privateKey = Files.readAllBytes(state.privateKey());
        byte[] keySet = Files.readAllBytes(state.tokenKeySet());

        new StateDir(dir).signer();

        assertArrayEquals(privateKey, Files.readAllBytes(state.privateKey()));
        assertArrayEquals(keySet, Files.readAllBytes(state.tokenKeySet()));
        assertTrue(Files.readString(state.tokenKeySet()).contains("\"kid\":\"" + state.signer().keyId() + "\""));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.privateKey())));
    }
}
