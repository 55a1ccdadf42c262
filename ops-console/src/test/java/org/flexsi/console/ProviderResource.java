package org.flexsi.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.Simulators;
import org.flexsi.simulators.SimulatorsConfig;

/**
 * The simulators' identity provider as a real HTTP server, signing with the test key pair whose public half the
 * console trusts in tests, and the console configured to sign operators in there.
 */
public class ProviderResource implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT_SECRET = "test-console-secret";
    static volatile String providerBase;
    private Simulators simulators;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        try (InputStream key = ProviderResource.class.getResourceAsStream("/test-keys/privateKey.pem")) {
            keyFile = Files.createTempFile("idp-key", ".pem");
            Files.copy(key, keyFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimulatorsConfig.Builder config = SimulatorsConfig.builder().port(0).tokenSigningKey(keyFile)
                .idpClient("ops-console", CLIENT_SECRET);
        for (Party party : Party.values()) {
            config.secret(party, "test-" + party.id() + "-secret");
        }
        simulators = Simulators.start(config.build());
        providerBase = simulators.baseUrl() + "/idp";
        return Map.of("flexsi.console.oidc.enabled", "true", "flexsi.console.oidc.provider", providerBase,
                "flexsi.console.oidc.client-secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (simulators != null) {
            simulators.close();
        }
        try {
            if (keyFile != null) {
                Files.deleteIfExists(keyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
