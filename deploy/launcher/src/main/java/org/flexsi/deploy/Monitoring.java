package org.flexsi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code deploy/stack up --monitoring}: a real Prometheus (Debian's {@code prometheus}) scraping every service and
 * the console every 5 s, with {@code deploy/monitoring/prometheus/flexsi-alerts.yml} loaded, its data in the state
 * directory. The same rules and dashboards as production, against the local stack.
 */
final class Monitoring {
    private Monitoring() {
    }

    static ManagedProcess prometheus(StackOptions options, StateDir state, Function<String, String> urls) {
        Path dir = state.root().resolve("prometheus");
        Path config = dir.resolve("prometheus.yml");
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(config, config(options, urls));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String address = "127.0.0.1:" + options.port(StackOptions.PROMETHEUS);
        List<String> command = List.of(binary(options), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + address,
                "--storage.tsdb.retention.time=2d");
        return new ManagedProcess(StackOptions.PROMETHEUS, command, Map.of(), dir, state.log(StackOptions.PROMETHEUS),
                () -> Stack.httpOk("http://" + address + "/-/ready"));
    }

    /** The scrape targets are the stack's own addresses, labelled as the alert rules expect. */
    static String config(StackOptions options, Function<String, String> urls) {
        // jobs are named after quarkus.application.name, as the alerts and dashboards call them
        Map<String, String> targets = new LinkedHashMap<>();
        options.services().forEach(service -> targets.put(service + "-service", urls.apply(service)));
        if (options.console()) {
            targets.put(StackOptions.CONSOLE, urls.apply(StackOptions.CONSOLE));
        }
        List<String> jobs = new ArrayList<>();
        targets.forEach((name, url) -> jobs.add("""
                  - job_name: %s
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['%s']
                        labels: {tier: %s}
                """.formatted(name, url.replaceFirst("^https?://", ""),
                name.equals(StackOptions.CONSOLE) ? "console" : "service")));
        Path rules = options.projectRoot().resolve("deploy/monitoring/prometheus/flexsi-alerts.yml");
        return """
                # written by deploy/stack up --monitoring; remade at every start
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s
                rule_files:
                  - '%s'
                scrape_configs:
                %s""".formatted(rules, String.join("", jobs));
    }

    private static String binary(StackOptions options) {
        String configured = options.environment().get("PROMETHEUS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/prometheus"))) {
            throw new StackException("--monitoring needs Prometheus: apt-get install prometheus (or set PROMETHEUS)");
        }
        return "/usr/bin/prometheus";
    }
}
