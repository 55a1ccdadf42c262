package org.flexsi.systemtests.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the campaign's own (a fresh cluster from the machine's PostgreSQL binaries), so that it may
 * crash it and start it again without touching the machine's shared server. As root the server runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class OwnedPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private OwnedPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** A new cluster listening on 127.0.0.1:{@code port}, or empty (with the reason printed) where none can be made. */
    static Optional<OwnedPostgres> start(int port) {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            System.out.println("chaos: no PostgreSQL binaries (initdb, pg_ctl) on this machine: the shared server is used"
                    + " and PostgreSQL is not restarted");
            return Optional.empty();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("flexsi-chaos-pg-");
            OwnedPostgres server = new OwnedPostgres(bin.get(), dir, port, root);
            if (root) {
                server.run(List.of("chown", "postgres", dir.toString()), false);
            }
            server.run(List.of(bin.get().resolve("initdb").toString(), "-D", server.data(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C"), true);
            server.startServer();
            return Optional.of(server);
        } catch (IOException | IllegalStateException e) {
            System.out.println("chaos: cannot make a PostgreSQL server of the campaign's own (" + e.getMessage()
                    + "): the shared server is used and PostgreSQL is not restarted");
            return Optional.empty();
        }
    }

    int port() {
        return port;
    }

    /** What a power cut does to the server: every process stops at once, no checkpoint; recovery replays the WAL. */
    void crash() {
        run(List.of(pgCtl(), "-D", data(), "-m", "immediate", "-w", "stop"), true);
    }

    void startServer() {
        run(List.of(pgCtl(), "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "120", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200", "start"), true);
    }

    @Override
    public void close() {
        try {
            run(List.of(pgCtl(), "-D", data(), "-m", "fast", "-w", "stop"), true);
        } catch (IllegalStateException e) {
            System.out.println("chaos: stopping the campaign's PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("chaos: cannot remove " + dir + ": " + e.getMessage());
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private String pgCtl() {
        return bin.resolve("pg_ctl").toString();
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        output(full);
    }

    /** What {@code command} printed; an exit other than 0, or none within 3 minutes, is an IllegalStateException. */
    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** The newest of Debian's {@code /usr/lib/postgresql/<version>/bin}, or what {@code pg_config --bindir} names. */
    private static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> debian = versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")));
            if (debian.isPresent()) {
                return debian;
            }
        } catch (IOException e) {
            // not a Debian layout: ask pg_config
        }
        try {
            Path bin = Path.of(output(List.of("pg_config", "--bindir")).strip());
            return Files.isExecutable(bin.resolve("initdb")) ? Optional.of(bin) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
