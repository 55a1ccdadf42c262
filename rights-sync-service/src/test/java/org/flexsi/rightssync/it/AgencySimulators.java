package org.flexsi.rightssync.it;

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
 * The pension and medical systems as a real HTTP server for the tests, and a fixed test port for this
 * service so the agencies can call it back at a real URL.
 */
public class AgencySimulators implements QuarkusTestResourceLifecycleManager {
    static final String PENSION_SECRET = "test-pension-secret";
    static final String MEDICAL_SECRET = "test-medical-secret";
    private static Simulators simulators;

    public static Simulators simulators() {
        return simulators;
    }

    @Override
    public Map<String, String> start() {
        simulators = Simulators.start(SimulatorsConfig.builder()
                .secret(Party.WECHAT, "test-wechat-secret").secret(Party.ALIPAY, "test-alipay-secret")
                .secret(Party.UNIONPAY, "test-unionpay-secret")
                .secret(Party.PENSION, PENSION_SECRET).secret(Party.MEDICAL, MEDICAL_SECRET)
                .callbackInitialDelay(Duration.ofMillis(50)).callbackMaxDelay(Duration.ofSeconds(1))
                .confirmationDelay(Duration.ofMillis(50))
                .build());
        int port = freePort();
        return Map.ofEntries(
                Map.entry("flexsi.simulators.url", simulators.baseUrl()),
                Map.entry("quarkus.http.test-port", Integer.toString(port)),
                Map.entry("flexsi.self.url", "http://127.0.0.1:" + port),
                Map.entry("flexsi.rights.poll.after", "1s"),
                Map.entry("flexsi.rights.poll.max-interval", "2s"),
                Map.entry("flexsi.rights.retry.initial-delay", "100ms"),
                Map.entry("flexsi.rights.retry.max-delay", "1s"),
                Map.entry("flexsi.rights.breaker.failure-threshold", "3"),
                Map.entry("flexsi.rights.breaker.open-for", "1s"),
                Map.entry("flexsi.rights.monitor-interval", "1s"),
                Map.entry("flexsi.rights.feed-interval", "1s"));
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
