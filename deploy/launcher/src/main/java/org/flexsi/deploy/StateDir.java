package org.flexsi.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flexsi.platform.security.TokenSigner;

/**
 * The local stack's private files: key pair, per-party secrets, logs, data. Generated on first use and
 * reused afterwards, so tokens and simulator signatures stay valid across restarts.
 */
final class StateDir {
    /** The outside parties that share a secret with the simulators. */
    static final List<String> PARTIES = List.of("wechat", "alipay", "unionpay", "pension", "medical");
    /** The banks of the local stack: each shares its own secret with the bank simulator and payment-service. */
    static final List<String> BANKS = List.of("icbc", "ccb");
    /** Banks are kept apart from the parties in the secrets file, so a bank id can never shadow a party. */
    private static final String BANK_KEY_PREFIX = "bank.";
    private static final String DATABASE_KEY_PREFIX = "database.";
    private static final String CRYPTO_KEY_PREFIX = "crypto.";

    private final Path root;

    StateDir(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path privateKey() {
        return root.resolve("jwt/privateKey.pem");
    }

    /** The public keys tokens are verified with, as the identity provider (the simulators) publishes them. */
    Path tokenKeySet() {
        return root.resolve("jwt/jwks.json");
    }

    Path secretsFile() {
        return root.resolve("secrets.properties");
    }

    /** Pid of the foreground launcher, for {@code deploy/stack down}. */
    Path pidFile() {
        return root.resolve("stack.pid");
    }

    /** Ports, pids and URLs of the running stack, for {@code deploy/stack status}. */
    Path stackFile() {
        return root.resolve("stack.properties");
    }

    /** The signer for the key pair, generating the pair and its key set on first use. */
    synchronized TokenSigner signer() {
        if (!Files.exists(privateKey())) {
            writePrivate(privateKey(), TokenSigner.privateKeyPem(TokenSigner.newKeyPair()));
        }
        TokenSigner signer = TokenSigner.fromPrivateKeyPem(privateKey());
        if (!Files.exists(tokenKeySet())) {
            writePrivate(tokenKeySet(), TokenSigner.jwks(List.of(signer.publicKey())));
        }
        return signer;
    }

    /** Party name to secret, generating missing ones. */
    Map<String, String> secrets() {
        return stored(PARTIES, "");
    }

    /** Service name to the password of its database login role, generating missing ones. */
    Map<String, String> databasePasswords(List<String> services) {
        return stored(services, DATABASE_KEY_PREFIX);
    }

    /** The master key (personal data at rest) and the blind-index key, generating missing ones. */
    Map<String, String> cryptoKeys() {
        return stored(List.of("master", "index"), CRYPTO_KEY_PREFIX);
    }

    /** Bank id to secret, generating missing ones. */
    Map<String, String> bankSecrets() {
        return stored(BANKS, BANK_KEY_PREFIX);
    }

    private synchronized Map<String, String> stored(List<String> names, String keyPrefix) {
        Properties stored = readProperties(secretsFile());
        boolean changed = false;
        for (String name : names) {
            if (stored.getProperty(keyPrefix + name) == null) {
                stored.setProperty(keyPrefix + name, randomSecret());
                changed = true;
            }
        }
        if (changed) {
            writeProperties(secretsFile(), stored, "per-party secrets shared by the simulators and the services");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        names.forEach(name -> secrets.put(name, stored.getProperty(keyPrefix + name)));
        return secrets;
    }

    static Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    static void writeProperties(Path file, Properties properties, String comment) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            restrict(tmp);
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(writer, comment);
            }
            // readers (status, another launcher) never see a half-written file
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            restrict(tmp);
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Owner-only: the files hold a signing key and shared secrets. */
    private static void restrict(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
