package org.flexsi.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One child process of the stack: its command, log file and readiness check. */
final class ManagedProcess {
    /** Polled until it returns true; exceptions count as "not yet". */
    interface ReadyCheck {
        boolean ready() throws Exception;
    }

    final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path log;
    private final ReadyCheck readyCheck;
    private volatile Process process;
    private Instant startedAt;

    ManagedProcess(String name, List<String> command, Map<String, String> env, Path workDir, Path log,
                   ReadyCheck readyCheck) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.log = log;
        this.readyCheck = readyCheck;
    }

    /** Starts the process; a restart appends to the log so the kill stays visible in it. */
    void start(boolean appendLog) {
        try {
            Files.createDirectories(log.getParent());
            if (!appendLog) {
                Files.deleteIfExists(log);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            startedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs the command to completion (a one-shot tool such as the Kafka storage format). */
    void runToCompletion(Duration timeout) {
        start(false);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while running " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new StackException(name + " failed with exit code " + process.exitValue() + "\n" + tail());
        }
    }

    /**
     * Polls every process's readiness check until all pass. Fails as soon as one exits, with the end of its
     * log, so a broken service does not cost the whole timeout.
     */
    static void awaitReady(List<ManagedProcess> processes, Duration timeout, PrintStream out) {
        Instant deadline = Instant.now().plus(timeout);
        Deque<ManagedProcess> waiting = new ArrayDeque<>(processes);
        while (!waiting.isEmpty()) {
            ManagedProcess next = waiting.poll();
            if (!next.isAlive()) {
                throw new StackException(next.name + " exited with code " + next.process.exitValue()
                        + " during start-up; last lines of " + next.log + ":\n" + next.tail());
            }
            if (next.checkReady()) {
                out.printf("%-13s ready in %.1f s (pid %d)%n", next.name,
                        Duration.between(next.startedAt, Instant.now()).toMillis() / 1000.0, next.pid());
                continue;
            }
            waiting.add(next);
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(next.name + " not ready after " + timeout.toSeconds() + " s; last lines of "
                        + next.log + ":\n" + next.tail());
            }
            sleep(waiting.size() > 1 ? 100 : 250);
        }
    }

    private boolean checkReady() {
        try {
            return readyCheck.ready();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name, e);
        } catch (Exception e) {
            return false;
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    Path log() {
        return log;
    }

    /** SIGKILL, no grace period: what a crash looks like to the rest of the stack. */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitQuietly(p, Duration.ofSeconds(10));
        }
    }

    /** SIGTERM; the caller waits with {@link #awaitExit} so that several processes stop in parallel. */
    void terminate() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    /** Waits until the deadline for the process to exit, then SIGKILLs it. */
    void awaitExit(Instant deadline) {
        Process p = process;
        if (p == null) {
            return;
        }
        waitQuietly(p, Duration.between(Instant.now(), deadline));
        if (p.isAlive()) {
            p.destroyForcibly();
            waitQuietly(p, Duration.ofSeconds(10));
        }
    }

    /** The last 20 lines of the log, for start-up failures. */
    String tail() {
        return tail(log, 20);
    }

    static String tail(Path file, int lines) {
        // the end of the file is enough, and a long log need not be read whole
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, in.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void waitQuietly(Process p, Duration timeout) {
        try {
            p.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
