package org.flexsi.simulators;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The simulators as a process of the local stack: {@code java -jar simulators/target/simulators.jar}. */
public final class SimulatorsMain {
    private static final int DEFAULT_PORT = 8090;
    private static final String BANK_SECRET_PREFIX = "SIM_BANK_SECRET_";

    private SimulatorsMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
        }
        Simulators simulators = Simulators.start(configFromEnv(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(simulators::close, "sim-shutdown"));
    }

    /**
     * Reads SIMULATORS_PORT, SIM_SECRET_&lt;PARTY&gt;, SIM_BANK_SECRET_&lt;BANKID&gt;, SIM_IDP_KEY_SET (the token key
     * set file), SIM_IDP_SIGNING_KEY (its private key, for the OpenID Connect sign-in) and SIM_IDP_CLIENT_ID /
     * SIM_IDP_CLIENT_SECRET (the ops console's registration); a missing secret falls back to a dev value, with a warning.
     */
    static SimulatorsConfig configFromEnv(Map<String, String> env) {
        System.Logger log = System.getLogger(SimulatorsMain.class.getName());
        SimulatorsConfig.Builder config = SimulatorsConfig.builder().host("127.0.0.1").port(port(env));
        for (Party party : Party.values()) {
            String variable = "SIM_SECRET_" + party.name();
            String secret = env.get(variable);
            if (secret == null || secret.isBlank()) {
                secret = "dev-" + party.id() + "-secret";
                log.log(Level.WARNING, variable + " is not set; using the development secret " + secret);
            }
            config.secret(party, secret);
        }
        // SIM_BANK_SECRET_ICBC=... adds the bank "icbc" (an underscore in the name stands for a dash)
        env.forEach((name, secret) -> {
            if (name.startsWith(BANK_SECRET_PREFIX) && secret != null && !secret.isBlank()) {
                config.bankSecret(name.substring(BANK_SECRET_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-'), secret);
            }
        });
        String keySet = env.get("SIM_IDP_KEY_SET");
        if (keySet != null && !keySet.isBlank()) {
            config.tokenKeySet(Path.of(keySet));
        }
        String signingKey = env.get("SIM_IDP_SIGNING_KEY");
        if (signingKey != null && !signingKey.isBlank()) {
            config.tokenSigningKey(Path.of(signingKey));
            String clientId = env.getOrDefault("SIM_IDP_CLIENT_ID", "ops-console");
            String clientSecret = env.get("SIM_IDP_CLIENT_SECRET");
            if (clientSecret == null || clientSecret.isBlank()) {
                clientSecret = "dev-" + clientId + "-secret";
                log.log(Level.WARNING, "SIM_IDP_CLIENT_SECRET is not set; using the development secret " + clientSecret);
            }
            config.idpClient(clientId, clientSecret);
        }
        return config.build();
    }

    private static int port(Map<String, String> env) {
        String value = env.get("SIMULATORS_PORT");
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SIMULATORS_PORT is not a port number: " + value, e);
        }
    }
}
