package org.flexsi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder over the maximum-rate run (issue 21, {@code --profile DIR}): a recording in every Java process of
 * the stack (services, simulators, Kafka) started and stopped with {@code jcmd}, then, per process, the methods the CPU
 * samples were taken in, twice: where the thread was (self) and the first flexsi frame on the stack (what our code
 * caused, callees included).
 */
final class Profiler {
    private static final String RECORDING = "flexsi-benchmark";
    private static final int TOP = 8;

    private record Target(String name, long pid, Path file) {
    }

    private final List<Target> targets = new ArrayList<>();

    private Profiler() {
    }

    static Profiler start(Stack stack, Path dir) {
        Profiler profiler = new Profiler();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        stack.pids().forEach((name, pids) -> pids.forEach(pid -> {
            Target target = new Target(name, pid, dir.toAbsolutePath().resolve(name + "-" + pid + ".jfr"));
            if (jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=default", "filename=" + target.file())) {
                profiler.targets.add(target);
            }
        }));
        return profiler;
    }

    /** Stops the recordings (each is written to its file) and prints the top frames of each process. */
    void stopAndPrint() {
        System.out.println();
        System.out.println("profile (JFR execution samples over the maximum-rate run; share of the process's samples)");
        for (Target target : targets) {
            if (!jcmd(target.pid(), "JFR.stop", "name=" + RECORDING)) {
                continue;
            }
            Map<String, Integer> self = new HashMap<>();
            Map<String, Integer> ours = new HashMap<>();
            int samples = 0;
            try (RecordingFile recording = new RecordingFile(target.file())) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    RecordedStackTrace stack = event.getStackTrace();
                    if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null
                            || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    self.merge(method(stack.getFrames().get(0)), 1, Integer::sum);
                    stack.getFrames().stream().filter(f -> f.getMethod().getType().getName().startsWith("org.flexsi."))
                            .findFirst().ifPresent(f -> ours.merge(method(f), 1, Integer::sum));
                }
            } catch (IOException e) {
                System.out.printf("  %s (pid %d): cannot read %s: %s%n", target.name(), target.pid(), target.file(), e.getMessage());
                continue;
            }
            System.out.printf("  %s (pid %d), %d samples, %s%n", target.name(), target.pid(), samples, target.file());
            print("self", self, samples);
            print("flexsi", ours, samples);
        }
    }

    private static void print(String label, Map<String, Integer> counts, int samples) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(TOP)
                .forEach(e -> System.out.printf("    %-6s %5.1f %%  %s%n", label, 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** Runs {@code jcmd pid command args}; a process that is not a JVM or is gone is reported and left out. */
    private static boolean jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            String output = PgBench.exec(line);
            // jcmd answers 0 even when the command it passed on failed inside the JVM
            if (!output.contains("Exception")) {
                return true;
            }
            System.out.printf("  jcmd %d %s failed: %s%n", pid, command[0], output.strip());
        } catch (IllegalStateException e) {
            System.out.printf("  jcmd %d %s: %s%n", pid, command[0], e.getMessage().strip());
        }
        return false;
    }
}
