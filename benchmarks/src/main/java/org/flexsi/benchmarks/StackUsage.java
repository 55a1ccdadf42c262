package org.flexsi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the stack spends (issue 21): CPU time of each of its processes (from {@code /proc}), commits of each
 * service's database ({@code pg_stat_database}) and records on its topics (end offsets). Two readings make a
 * window's figures. Needs Linux and psql; the machine's PostgreSQL is counted as the backends connected to the
 * stack's databases plus the server's own background processes (shared with anything else using that server).
 */
final class StackUsage {
    static final List<String> SERVICES = List.of("registration", "assessment", "payment", "certificate", "rights-sync");
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";
    static final String HARNESS = "harness";
    /** What the CPU target covers: the five services, Kafka and PostgreSQL, not the simulated outside parties or the harness. */
    static final Set<String> PRODUCT = Set.of("registration", "assessment", "payment", "certificate", "rights-sync", KAFKA, POSTGRES);
    private static final long TICKS_PER_SECOND = clockTicks();

    private final Stack stack;
    private final PgBench psql;
    private final List<String> databases;

    StackUsage(Stack stack, PgBench psql) {
        this.stack = stack;
        this.psql = psql;
        this.databases = SERVICES.stream().map(service -> "flexsi_" + service.replace('-', '_')).toList();
    }

    /** Process name to its pids' CPU ticks; database to commits; topic to end offset; the machine's busy and all ticks. */
    record Reading(long nanos, Map<String, Map<Long, Long>> ticks, Map<String, Long> commits, Map<String, Long> records,
            long machineBusy, long machineAll) {
    }

    /** The difference of two readings. */
    record Window(double seconds, Map<String, Double> cpuMillis, Map<String, Long> commits, Map<String, Long> records,
            double machineBusySeconds, double machineSeconds) {

        double cpuMillis(Set<String> processes) {
            return cpuMillis.entrySet().stream().filter(e -> processes.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
        }

        double allCpuMillis() {
            return cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        long totalCommits() {
            return commits.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalRecords() {
            return records.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Reading read() {
        Map<String, Map<Long, Long>> ticks = new TreeMap<>();
        stack.pids().forEach((name, pids) -> ticks.put(name, ticksOf(pids)));
        ticks.put(POSTGRES, ticksOf(postgresPids()));
        ticks.put(HARNESS, ticksOf(List.of(ProcessHandle.current().pid())));
        long[] machine = machineTicks();
        return new Reading(System.nanoTime(), ticks, commits(), endOffsets(), machine[0], machine[1]);
    }

    static Window between(Reading start, Reading end) {
        Map<String, Double> cpu = new TreeMap<>();
        end.ticks().forEach((name, pids) -> {
            Map<Long, Long> before = start.ticks().getOrDefault(name, Map.of());
            // a pid that appeared within the window (a new backend) counts from zero
            long delta = pids.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L))).sum();
            cpu.put(name, delta * 1000.0 / TICKS_PER_SECOND);
        });
        return new Window((end.nanos() - start.nanos()) / 1e9, cpu, differences(start.commits(), end.commits()),
                differences(start.records(), end.records()), (end.machineBusy() - start.machineBusy()) / (double) TICKS_PER_SECOND,
                (end.machineAll() - start.machineAll()) / (double) TICKS_PER_SECOND);
    }

    private static Map<String, Long> differences(Map<String, Long> start, Map<String, Long> end) {
        Map<String, Long> delta = new TreeMap<>();
        end.forEach((key, value) -> delta.put(key, value - start.getOrDefault(key, 0L)));
        return delta;
    }

    /** The load average as {@code uptime} shows it: the machine is shared, so every figure carries it. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private List<Long> postgresPids() {
        String inList = databases.stream().map(db -> "'" + db + "'").collect(Collectors.joining(", "));
        String rows = psql.query("postgres", "select pid from pg_stat_activity where datname in (" + inList
                + ") or backend_type <> 'client backend'");
        List<Long> pids = new java.util.ArrayList<>(rows.lines().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.trim())).toList());
        stack.postgresPid().ifPresent(pids::add);
        return pids;
    }

    private Map<String, Long> commits() {
        String inList = databases.stream().map(db -> "'" + db + "'").collect(Collectors.joining(", "));
        Map<String, Long> commits = new TreeMap<>();
        for (String row : psql.query("postgres", "select datname, xact_commit from pg_stat_database where datname in (" + inList + ")")
                .lines().filter(l -> !l.isBlank()).toList()) {
            String[] columns = row.split("\\|");
            commits.put(columns[0], Long.parseLong(columns[1].trim()));
        }
        return commits;
    }

    /** Sum of the end offsets of each of the stack's topics (flexsi.*, dead-letter topics included). */
    private Map<String, Long> endOffsets() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        try (Admin admin = Admin.create(props)) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("flexsi.")).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(description -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> records = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> records.merge(tp.topic(), info.offset(), Long::sum));
            return records;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the topics' end offsets: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** utime + stime of each live pid (fields 14 and 15 of /proc/pid/stat, counted after the command's closing parenthesis). */
    private static Map<Long, Long> ticksOf(List<Long> pids) {
        return pids.stream().distinct().map(pid -> Map.entry(pid, ticksOf(pid))).filter(e -> e.getValue() >= 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, HashMap::new));
    }

    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1; // gone
        }
    }

    /** The machine's busy ticks (all but idle and iowait) and all ticks, summed over its CPUs. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                all += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {all - idle, all};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat: " + e.getMessage(), e);
        }
    }

    private static long clockTicks() {
        try {
            return Long.parseLong(PgBench.exec(List.of("getconf", "CLK_TCK")).trim());
        } catch (RuntimeException e) {
            return 100;
        }
    }
}
