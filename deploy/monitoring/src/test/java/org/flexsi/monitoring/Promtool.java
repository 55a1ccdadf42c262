package org.flexsi.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' promtool (Debian package {@code prometheus}; {@code .ci/run} installs it). {@code PROMTOOL} names
 * another binary. A machine without it fails the build: an alert or dashboard nobody checked must not pass as checked.
 */
final class Promtool {
    /** The module's directory: Surefire runs tests there. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path PROMETHEUS = MODULE.resolve("prometheus");
    static final Path GRAFANA = MODULE.resolve("grafana");

    private Promtool() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("promtool did not finish within 60 s: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Runs promtool and fails with its output unless it exits 0. */
    static String succeed(Path workingDirectory, String... arguments) {
        Result result = run(workingDirectory, arguments);
        assertEquals(0, result.exitCode(), () -> "promtool " + String.join(" ", arguments) + " failed:\n" + result.output());
        return result.output();
    }

    private static String binary() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool not found: install the Debian package `prometheus` (apt-get install --no-install-recommends"
                + " prometheus; .ci/run does it) or set PROMTOOL to the binary");
    }
}
