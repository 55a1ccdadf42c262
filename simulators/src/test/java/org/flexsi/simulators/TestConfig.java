package org.flexsi.simulators;

import java.time.Duration;

/** Short delays everywhere so the whole suite stays fast. */
final class TestConfig {

    static final String BANK = "icbc";
    static final String BANK_SECRET = "test-icbc-secret";

    private TestConfig() {
    }

    static String secret(Party party) {
        return "test-" + party.id() + "-secret";
    }

    static SimulatorsConfig fast() {
        SimulatorsConfig.Builder builder = SimulatorsConfig.builder()
                .port(0)
                .callbackInitialDelay(Duration.ofMillis(20))
                .callbackMaxDelay(Duration.ofMillis(200))
                .callbackMaxAttempts(6)
                .confirmationDelay(Duration.ofMillis(20));
        for (Party party : Party.values()) {
            builder.secret(party, secret(party));
        }
        return builder.bankSecret(BANK, BANK_SECRET).build();
    }
}
