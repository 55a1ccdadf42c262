package org.flexsi.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s: the shared broker, a fresh database
 * named after the service ({@code initArgs: database}, plus {@code FLEXSI_TEST_DB_SUFFIX} if set), and the
 * test token key.
 */
public class FlexsiTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "flexsi_test";

    @Override
    public void init(Map<String, String> initArgs) {
        // FLEXSI_TEST_DB_SUFFIX lets two checkouts run the same service's tests at once without sharing a database
        database = initArgs.getOrDefault("database", database) + System.getenv().getOrDefault("FLEXSI_TEST_DB_SUFFIX", "");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.freshDatabase(database));
        config.put("quarkus.datasource.username", TestInfrastructure.dbUser());
        config.put("quarkus.datasource.password", TestInfrastructure.dbPassword());
        config.put("mp.jwt.verify.publickey.location", TestTokens.keySetLocation());
        // a token naming a key the service has not seen fetches the key set again at once (production: once a minute)
        config.put("smallrye.jwt.jwks.forced-refresh-interval", "0");
        // keys for personal data at rest, made for this JVM
        config.put("flexsi.crypto.master-key", TestInfrastructure.randomKey());
        config.put("flexsi.crypto.index-key", TestInfrastructure.randomKey());
        // the in-JVM broker logs through the service's logger; its chatter hides test output
        config.put("quarkus.log.category.\"kafka\".level", "WARN");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        return config;
    }

    @Override
    public void stop() {
        // the broker and server are shared by every test of the JVM and stop with it
    }
}
