package org.flexsi.simulators;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How to run the simulators. There are no default secrets here on purpose: a forgotten secret must
 * fail at start, not silently sign with a well-known value (only {@link SimulatorsMain} falls back,
 * loudly, for local development).
 */
public final class SimulatorsConfig {
    private final String host;
    private final int port;
    private final Map<Party, String> secrets;
    private final Map<String, String> bankSecrets;
    private final Duration callbackInitialDelay;
    private final Duration callbackMaxDelay;
    private final int callbackMaxAttempts;
    private final Duration confirmationDelay;
    private final Path tokenKeySet;
    private final Path tokenSigningKey;
    private final Map<String, String> idpClients;

    private SimulatorsConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.secrets = Map.copyOf(b.secrets);
        this.bankSecrets = Map.copyOf(b.bankSecrets);
        this.callbackInitialDelay = b.callbackInitialDelay;
        this.callbackMaxDelay = b.callbackMaxDelay;
        this.callbackMaxAttempts = b.callbackMaxAttempts;
        this.confirmationDelay = b.confirmationDelay;
        this.tokenKeySet = b.tokenKeySet;
        this.tokenSigningKey = b.tokenSigningKey;
        this.idpClients = Map.copyOf(b.idpClients);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    /** 0 means a random free port, see {@link Simulators#port()}. */
    public int port() {
        return port;
    }

    public String secret(Party party) {
        return secrets.get(party);
    }

    /** Bank id to the secret shared with that bank; a bank without a secret does not exist (404). */
    public Map<String, String> bankSecrets() {
        return bankSecrets;
    }

    public Duration callbackInitialDelay() {
        return callbackInitialDelay;
    }

    public Duration callbackMaxDelay() {
        return callbackMaxDelay;
    }

    public int callbackMaxAttempts() {
        return callbackMaxAttempts;
    }

    public Duration confirmationDelay() {
        return confirmationDelay;
    }

    /** The identity provider's token key set (JWKS file) to publish, or null for none. */
    public Path tokenKeySet() {
        return tokenKeySet;
    }

    /** The private key (PEM) the identity provider signs its sign-in tokens with, or null for no sign-in. */
    public Path tokenSigningKey() {
        return tokenSigningKey;
    }

    /** The applications that may sign users in at the identity provider: client id to secret. */
    public Map<String, String> idpClients() {
        return idpClients;
    }

    public static final class Builder {
        private static final Pattern BANK_ID = Pattern.compile("[a-z0-9-]{2,32}");
        private String host = "127.0.0.1";
        private int port = 0;
        private final Map<Party, String> secrets = new EnumMap<>(Party.class);
        private final Map<String, String> bankSecrets = new TreeMap<>();
        private Duration callbackInitialDelay = Duration.ofMillis(500);
        private Duration callbackMaxDelay = Duration.ofSeconds(30);
        private int callbackMaxAttempts = 20;
        private Duration confirmationDelay = Duration.ofMillis(200);
        private Path tokenKeySet;
        private Path tokenSigningKey;
        private final Map<String, String> idpClients = new TreeMap<>();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder secret(Party party, String secret) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("blank secret for " + party.id());
            }
            secrets.put(party, secret);
            return this;
        }

        /** Adds a bank (id such as {@code icbc}: 2-32 of a-z 0-9 -) with the secret it shares with flexsi. Optional. */
        public Builder bankSecret(String bankId, String secret) {
            if (bankId == null || !BANK_ID.matcher(bankId).matches() || Party.byId(bankId).isPresent()) {
                throw new IllegalArgumentException("bank id must be 2-32 of a-z 0-9 - and not a party's name: " + bankId);
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("blank secret for bank " + bankId);
            }
            bankSecrets.put(bankId, secret);
            return this;
        }

        /** First retry delay of a callback; each further retry doubles it, up to {@link #callbackMaxDelay}. */
        public Builder callbackInitialDelay(Duration delay) {
            this.callbackInitialDelay = positive(delay, "callbackInitialDelay");
            return this;
        }

        public Builder callbackMaxDelay(Duration delay) {
            this.callbackMaxDelay = positive(delay, "callbackMaxDelay");
            return this;
        }

        public Builder callbackMaxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("callbackMaxAttempts must be at least 1");
            }
            this.callbackMaxAttempts = attempts;
            return this;
        }

        /** How long an agency takes to decide on a received rights record. */
        public Builder confirmationDelay(Duration delay) {
            Objects.requireNonNull(delay, "confirmationDelay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("confirmationDelay must not be negative");
            }
            this.confirmationDelay = delay;
            return this;
        }

        /** The JSON Web Key Set file the identity provider publishes; read on every request. Optional. */
        public Builder tokenKeySet(Path file) {
            this.tokenKeySet = Objects.requireNonNull(file, "tokenKeySet");
            return this;
        }

        /** The PKCS#8 PEM private key of the key set's key: the identity provider's sign-in is on with it. Optional. */
        public Builder tokenSigningKey(Path file) {
            this.tokenSigningKey = Objects.requireNonNull(file, "tokenSigningKey");
            return this;
        }

        /** An application that signs its users in here (the ops console), with its client secret. */
        public Builder idpClient(String clientId, String secret) {
            if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("an identity provider client needs an id and a secret");
            }
            idpClients.put(clientId, secret);
            return this;
        }

        public SimulatorsConfig build() {
            for (Party party : Party.values()) {
                if (!secrets.containsKey(party)) {
                    throw new IllegalStateException("no secret configured for " + party.id());
                }
            }
            if (callbackMaxDelay.compareTo(callbackInitialDelay) < 0) {
                throw new IllegalStateException("callbackMaxDelay is shorter than callbackInitialDelay");
            }
            return new SimulatorsConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
