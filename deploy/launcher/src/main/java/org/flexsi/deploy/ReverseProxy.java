package org.flexsi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HAProxy (the Debian package) in front of the instances of each service when the stack is scaled out: one
 * frontend per service on its usual port, round robin over the instances that pass their readiness check
 * ({@code GET /q/health/ready} every second; two failures take an instance out, one success brings it back).
 * Clients, tests and the simulators' callbacks keep using 8081 ... 8085 unchanged. The configuration is written
 * by the launcher at every start into {@code <state>/haproxy/haproxy.cfg}.
 */
final class ReverseProxy {
    static final String NAME = "haproxy";

    /** One service behind the proxy: its public port and its instances' ports. */
    record Frontend(String service, int port, List<Integer> instancePorts) {
    }

    private ReverseProxy() {
    }

    /** The haproxy binary on PATH or in /usr/sbin; null when none is installed. */
    static Path binary() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, NAME));
            }
        }
        candidates.add(Path.of("/usr/sbin", NAME));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** The configuration: plain HTTP on 127.0.0.1, round robin, health checks on the readiness path. */
    static String config(List<Frontend> frontends, String healthPath) {
        List<String> lines = new ArrayList<>(List.of(
                "# written by the flexsi launcher at every start; edits are lost",
                "global",
                "    maxconn 4096",
                "",
                "defaults",
                "    mode http",
                "    option httplog",
                "    timeout connect 2s",
                "    timeout client 60s",
                // a bank debit call may take its time; the services' own timeouts are shorter
                "    timeout server 60s",
                // a connection refused by a killed instance is tried on another one (only failed connects are
                // retried: a request that reached an instance is never sent twice)
                "    retries 3",
                "    option redispatch",
                // each request is balanced by itself: over a client's keep-alive connection HAProxy otherwise kept
                // sending to the instance it first chose (one certificate instance answered all 49 reads of a test)
                "    option http-server-close",
                ""));
        for (Frontend frontend : frontends) {
            lines.add("frontend " + frontend.service());
            lines.add("    bind 127.0.0.1:" + frontend.port());
            lines.add("    default_backend " + frontend.service());
            lines.add("");
            lines.add("backend " + frontend.service());
            lines.add("    balance roundrobin");
            lines.add("    option httpchk GET " + healthPath);
            lines.add("    http-check expect status 200");
            lines.add("    default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions");
            for (int i = 0; i < frontend.instancePorts().size(); i++) {
                lines.add("    server " + frontend.service() + "-" + (i + 1) + " 127.0.0.1:" + frontend.instancePorts().get(i)
                        + " check");
            }
            lines.add("");
        }
        return String.join("\n", lines);
    }

    /** Writes the configuration, checks it with {@code haproxy -c}, and returns the (not yet started) proxy. */
    static ManagedProcess prepare(StateDir state, List<Frontend> frontends, String healthPath,
            ManagedProcess.ReadyCheck ready) {
        Path haproxy = binary();
        if (haproxy == null) {
            throw new StackException("--instances needs HAProxy as the reverse proxy: apt-get install -y haproxy");
        }
        Path dir = state.root().resolve(NAME);
        Path config = dir.resolve("haproxy.cfg");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, config(frontends, healthPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new ManagedProcess(NAME + "-check", List.of(haproxy.toString(), "-c", "-q", "-f", config.toString()), Map.of(), dir,
                state.log(NAME + "-check"), () -> true).runToCompletion(java.time.Duration.ofSeconds(30));
        // -db: stay in the foreground, so the launcher owns the process and its log
        return new ManagedProcess(NAME, List.of(haproxy.toString(), "-db", "-f", config.toString()), Map.of(), dir,
                state.log(NAME), ready);
    }
}
