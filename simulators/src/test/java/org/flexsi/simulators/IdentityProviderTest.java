package org.flexsi.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityProviderTest {
    @TempDir
    Path dir;

    @Test
    void theKeySetIsServedFromItsFileAsTheFileIsNow() throws IOException {
        Path keySet = dir.resolve("jwks.json");
        Files.writeString(keySet, "{\"keys\":[{\"kid\":\"first\"}]}");
        SimulatorsConfig config = SimulatorsMain.configFromEnv(Map.of("SIMULATORS_PORT", "0", "SIM_IDP_KEY_SET", keySet.toString()));
        try (Simulators sims = Simulators.start(config)) {
            SimClient client = new SimClient(sims.baseUrl());
            assertEquals("first", client.unsigned("GET", "/idp/.well-known/jwks.json", null).json().at("/keys/0/kid").asText());

            Files.writeString(keySet, "{\"keys\":[{\"kid\":\"second\"},{\"kid\":\"first\"}]}");
            SimClient.Reply rotated = client.unsigned("GET", "/idp/.well-known/jwks.json", null);
            assertEquals(200, rotated.status());
            assertEquals("second", rotated.json().at("/keys/0/kid").asText());
        }
    }

    @Test
    void withoutAKeySetThereIsNothingToServe() {
        try (Simulators sims = Simulators.start(TestConfig.fast())) {
            assertEquals(404, new SimClient(sims.baseUrl()).unsigned("GET", "/idp/.well-known/jwks.json", null).status());
        }
    }
}
