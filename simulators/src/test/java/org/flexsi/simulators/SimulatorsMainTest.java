package org.flexsi.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorsMainTest {

    @Test
    void environmentChoosesPortAndSecretsWithDevFallback() {
        SimulatorsConfig config = SimulatorsMain.configFromEnv(Map.of("SIMULATORS_PORT", "0",
                "SIM_SECRET_WECHAT", "from-env"));
        assertEquals(0, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals("from-env", config.secret(Party.WECHAT));
        assertEquals("dev-medical-secret", config.secret(Party.MEDICAL));
        assertEquals(8090, SimulatorsMain.configFromEnv(Map.of()).port());
    }

    @Test
    void banksComeFromTheEnvironmentAndHaveNoDevFallback() {
        SimulatorsConfig config = SimulatorsMain.configFromEnv(Map.of("SIM_BANK_SECRET_ICBC", "icbc-key",
                "SIM_BANK_SECRET_BANK_OF_X", "x-key", "SIM_BANK_SECRET_CCB", " "));
        assertEquals(Map.of("icbc", "icbc-key", "bank-of-x", "x-key"), config.bankSecrets());
        assertEquals(Map.of(), SimulatorsMain.configFromEnv(Map.of()).bankSecrets());
    }

    @Test
    void healthIsUp() {
        try (Simulators sims = Simulators.start(TestConfig.fast())) {
            SimClient.Reply health = new SimClient(sims.baseUrl()).unsigned("GET", "/health", null);
            assertEquals("http://127.0.0.1:" + sims.port(), sims.baseUrl());
            assertEquals(200, health.status());
            assertEquals("UP", health.json().get("status").asText());
        }
    }
}
