package org.flexsi.payment.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.Simulators;
import org.flexsi.simulators.SimulatorsConfig;

/**
 * The outside parties as a real HTTP server, and a fixed test port for this service so that the notify
 * URLs we hand to the providers reach the test instance. Tests talk to the simulators over HTTP only.
 */
public class SimulatorsResource implements QuarkusTestResourceLifecycleManager {
    public static final String WECHAT_SECRET = "test-wechat-secret";
    public static final String ALIPAY_SECRET = "test-alipay-secret";
    public static final String UNIONPAY_SECRET = "test-unionpay-secret";

    private Simulators simulators;

    @Override
    public Map<String, String> start() {
        simulators = Simulators.start(SimulatorsConfig.builder()
                .secret(Party.WECHAT, WECHAT_SECRET).secret(Party.ALIPAY, ALIPAY_SECRET).secret(Party.UNIONPAY, UNIONPAY_SECRET)
                .secret(Party.PENSION, "test-pension-secret").secret(Party.MEDICAL, "test-medical-secret")
                // the banks of %test.flexsi.payment.bank-secrets, with the same secrets
                .bankSecret(Fixtures.TEST_BANK, Fixtures.TEST_BANK_SECRET).bankSecret(Fixtures.OTHER_BANK, Fixtures.OTHER_BANK_SECRET)
                .bankSecret(Fixtures.DAY_BANK, Fixtures.DAY_BANK_SECRET)
                // ... except stalebank, which has rotated its key: our old one is refused
                .bankSecret(Fixtures.STALE_BANK, "rotated-bank-secret")
                .callbackInitialDelay(Duration.ofMillis(50)).callbackMaxDelay(Duration.ofSeconds(1))
                .build());
        int port = freePort();
        return Map.of("flexsi.simulators.url", simulators.baseUrl(),
                "quarkus.http.test-port", Integer.toString(port),
                "flexsi.self.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (simulators != null) {
            simulators.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
