package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReverseProxyTest {
    private static final List<ReverseProxy.Frontend> FRONTENDS = List.of(
            new ReverseProxy.Frontend("registration", 28081, List.of(28181, 28281)),
            new ReverseProxy.Frontend("payment", 28083, List.of(28183, 28283)));

    @Test
    void eachServiceIsAFrontendOnItsUsualPortBalancedOverItsCheckedInstances() {
        String config = ReverseProxy.config(FRONTENDS, "/q/health/ready");
        List<String> lines = config.lines().map(String::trim).toList();

        assertTrue(lines.contains("frontend payment"), config);
        assertTrue(lines.contains("bind 127.0.0.1:28083"), config);
        assertTrue(lines.contains("balance roundrobin"), config);
        assertTrue(lines.contains("option httpchk GET /q/health/ready"), config);
        assertTrue(lines.contains("server payment-1 127.0.0.1:28183 check"), config);
        assertTrue(lines.contains("server payment-2 127.0.0.1:28283 check"), config);
        assertEquals(2, lines.stream().filter(l -> l.startsWith("backend ")).count());
        // a request that reached an instance is never replayed: only failed connects are retried elsewhere
        assertTrue(lines.contains("option redispatch"), config);
        assertTrue(lines.contains("option http-server-close"), "every request balanced by itself: " + config);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("retry-on")), config);
    }

    @Test
    void haproxyAcceptsTheConfiguration(@TempDir Path dir) throws Exception {
        Path haproxy = ReverseProxy.binary();
        assumeTrue(haproxy != null, "HAProxy is not installed (apt-get install haproxy); .ci/run installs it");
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, ReverseProxy.config(FRONTENDS, "/q/health/ready"));

        new ManagedProcess("haproxy-check", List.of(haproxy.toString(), "-c", "-f", config.toString()), Map.of(), dir,
                dir.resolve("check.log"), () -> true).runToCompletion(Duration.ofSeconds(30));
        assertTrue(Files.readString(dir.resolve("check.log")).contains("Configuration file is valid"),
                Files.readString(dir.resolve("check.log")));
    }
}
