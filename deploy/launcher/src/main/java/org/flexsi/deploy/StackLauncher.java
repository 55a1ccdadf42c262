package org.flexsi.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.flexsi.deploy.demo.Demo;

/** The command line behind {@code deploy/stack}: up, down, status, token, demo. */
public final class StackLauncher {
    private static final String NONE = "-";

    private StackLauncher() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(CommandLine.parse(Arrays.asList(args)));
        } catch (CommandLine.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            code = 2;
        } catch (StackException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    private static int run(CommandLine line) {
        StateDir state = new StateDir(line.stateDir());
        return switch (line.command()) {
            case "up" -> up(line, state);
            case "down" -> down(state);
            case "status" -> status(state);
            case "token" -> token(line, state);
            case "demo" -> demo(state);
            default -> throw new IllegalStateException(line.command());
        };
    }

    private static int up(CommandLine line, StateDir state) {
        Optional<ProcessHandle> other = runningLauncher(state);
        if (other.isPresent()) {
            throw new StackException("a stack is already running from " + state.root() + " (pid "
                    + other.get().pid() + "); stop it with: deploy/stack down");
        }
        long started = System.nanoTime();
        writePidFile(state);
        AtomicReference<Stack> stack = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Stack's own hook stops the processes as well; closing here orders the messages and the pid file
            Stack running = stack.get();
            if (running != null) {
                System.out.println("stopping the flexsi stack ...");
                running.close();
                System.out.println("flexsi stack stopped");
            }
            deletePidFile(state);
        }, "flexsi-launcher-shutdown"));
        stack.set(Stack.start(StackOptions.builder(line.root()).stateDir(line.stateDir())
                .services(line.services()).simulators(!line.flags().contains("--no-simulators"))
                .console(!line.flags().contains("--no-console"))
                .monitoring(line.flags().contains("--monitoring"), 9090)
                .tieredJit(line.flags().contains("--tiered-jit"))
                .brokers(line.brokers()).instances(line.instances()).build()));
        printTable(stack.get(), state, line.root(), System.out);
        System.out.printf("flexsi stack ready in %d s%n", Math.round((System.nanoTime() - started) / 1e9));
        if (stack.get().names().contains(StackOptions.CONSOLE)) {
            System.out.println("ops console: " + stack.get().url(StackOptions.CONSOLE)
                    + "/sign-in with a token from: deploy/stack token --role ops --sub NAME");
        }
        System.out.println("Ctrl-C (or deploy/stack down) stops everything");
        try {
            new CountDownLatch(1).await(); // until SIGINT/SIGTERM runs the shutdown hooks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void printTable(Stack stack, StateDir state, Path root, PrintStream out) {
        String format = "%-13s %-26s %-38s %-42s %s%n";
        out.printf(format, "NAME", "URL", "SWAGGER UI / SIGN-IN", "HEALTH", "LOG");
        out.printf(format, StackOptions.POSTGRES, stack.databaseAddress(),
                stack.embeddedDatabase() ? "(embedded)" : "(external)", NONE,
                stack.embeddedDatabase() ? relative(root, state.log(StackOptions.POSTGRES)) : NONE);
        List<String> brokers = stack.brokerNames();
        if (brokers.isEmpty()) {
            out.printf(format, StackOptions.KAFKA, stack.bootstrapServers(), "(external)", NONE, NONE);
        }
        for (String broker : brokers) {
            String address = brokers.size() == 1 ? stack.bootstrapServers()
                    : stack.bootstrapServers().split(",")[brokers.indexOf(broker)];
            out.printf(format, broker, address, "(started)", NONE, relative(root, stack.logFile(broker)));
        }
        for (String name : stack.names()) {
            if (brokers.contains(name)) {
                continue;
            }
            String url = stack.childUrl(name);
            String service = serviceOf(name);
            // the console is a web app, not an API: its row shows where to sign in
            String second = name.equals(StackOptions.SIMULATORS) ? NONE
                    : name.equals(StackOptions.CONSOLE) ? url + "/sign-in"
                    : name.equals(StackOptions.PROMETHEUS) ? url + "/alerts" : url + "/q/swagger-ui";
            out.printf(format, name, url, second, url + Stack.healthPath(service), relative(root, stack.logFile(name)));
        }
        if (stack.instances() > 1) {
            for (String service : StackOptions.SERVICES) {
                if (stack.names().contains(stack.instanceName(service, 1))) {
                    out.printf(format, service, stack.url(service), stack.url(service) + "/q/swagger-ui",
                            "(HAProxy, round robin over " + stack.instances() + ")", relative(root, stack.logFile(ReverseProxy.NAME)));
                }
            }
        }
    }

    private static int down(StateDir state) {
        Optional<ProcessHandle> running = runningLauncher(state);
        if (running.isEmpty()) {
            deletePidFile(state);
            System.out.println("no flexsi stack running from " + state.root());
            return 0;
        }
        ProcessHandle launcher = running.get();
        System.out.println("stopping the flexsi stack (pid " + launcher.pid() + ") ...");
        long started = System.nanoTime();
        launcher.destroy(); // SIGTERM: the launcher's shutdown hook stops its children
        try {
            launcher.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("error: the launcher (pid " + launcher.pid() + ") is still running after 60 s");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf("flexsi stack stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** One line per process: whether it answers, its pid and resident memory; 0 when all answer. */
    private static int status(StateDir state) {
        Properties stack = StateDir.readProperties(state.stackFile());
        boolean recorded = !stack.isEmpty();
        if (!recorded) {
            System.out.println("no running stack recorded in " + state.stackFile() + "; probing the default ports");
            stack = defaultAddresses();
        }
        String notOurs = recorded ? "(external)" : NONE;
        List<StatusRow> rows = new ArrayList<>();
        runningLauncher(state).ifPresent(p -> rows.add(new StatusRow("launcher", NONE, true, p.pid(), rssKb(p.pid()))));
        String postgres = stack.getProperty("postgres.address");
        long postgresPid = Long.parseLong(stack.getProperty("postgres.pid", "-1"));
        // the postmaster and its backends; shared buffers are counted in each of them
        rows.add(new StatusRow(StackOptions.POSTGRES, postgres, answersTcp(postgres), postgresPid,
                postgresPid > 0 ? treeRssKb(postgresPid) : -1));
        String cluster = stack.getProperty("kafka.brokers");
        if (cluster == null) {
            String kafka = stack.getProperty("kafka.address");
            long kafkaPid = Long.parseLong(stack.getProperty("kafka.pid", "-1"));
            rows.add(new StatusRow(StackOptions.KAFKA, kafka, kafkaAnswers(kafka), kafkaPid, rssKb(kafkaPid)));
        } else {
            // each node by itself: one that is down shows as not answering while the cluster carries on
            for (String broker : cluster.split(",")) {
                String address = stack.getProperty(broker + ".address");
                long pid = Long.parseLong(stack.getProperty(broker + ".pid", "-1"));
                rows.add(new StatusRow(broker, address, kafkaAnswers(address), pid, rssKb(pid)));
            }
        }
        for (String name : stack.getProperty("http", "").split(",")) {
            if (!name.isEmpty()) {
                String url = stack.getProperty(name + ".url");
                long pid = Long.parseLong(stack.getProperty(name + ".pid", "-1"));
                rows.add(new StatusRow(name, url, httpAnswers(url + Stack.healthPath(serviceOf(name))), pid, rssKb(pid)));
            }
        }
        String proxied = stack.getProperty("proxied", "");
        long proxyPid = Long.parseLong(stack.getProperty(ReverseProxy.NAME + ".pid", "-1"));
        for (String service : proxied.split(",")) {
            if (!service.isEmpty()) {
                // the address clients use; answers when at least one instance is ready behind it
                String url = stack.getProperty(service + ".url");
                rows.add(new StatusRow(service + " (proxy)", url, httpAnswers(url + Stack.healthPath(service)), proxyPid,
                        -1));
            }
        }
        if (proxyPid > 0) {
            rows.add(new StatusRow(ReverseProxy.NAME, NONE, ProcessHandle.of(proxyPid).map(ProcessHandle::isAlive)
                    .orElse(false), proxyPid, rssKb(proxyPid)));
        }
        int width = Math.max(13, rows.stream().mapToInt(r -> r.name.length()).max().orElse(0));
        String format = "%-" + width + "s %-24s %-8s %-11s %s%n";
        System.out.printf(format, "NAME", "ADDRESS", "ANSWERS", "PID", "RSS");
        for (StatusRow row : rows) {
            boolean infrastructure = row.name.equals(StackOptions.POSTGRES) || row.name.equals(StackOptions.KAFKA);
            String pid = row.pid > 0 ? String.valueOf(row.pid) : infrastructure ? notOurs : NONE;
            System.out.printf(format, row.name, row.address, row.answers ? "yes" : "no", pid, mb(row.rssKb));
        }
        System.out.printf(format, "total", "", "", "", mb(rows.stream().mapToLong(r -> Math.max(r.rssKb, 0)).sum()));
        return rows.stream().allMatch(StatusRow::answers) ? 0 : 3;
    }

    /** payment-2 belongs to payment; simulators and single instances are their own. */
    static String serviceOf(String processName) {
        for (String service : StackOptions.SERVICES) {
            if (processName.equals(service) || processName.matches(java.util.regex.Pattern.quote(service) + "-[0-9]")) {
                return service;
            }
        }
        return processName;
    }

    private record StatusRow(String name, String address, boolean answers, long pid, long rssKb) {
    }

    private static int token(CommandLine line, StateDir state) {
        boolean newKeys = !Files.exists(state.privateKey());
        String role = line.options().get("--role");
        String subject = line.options().get("--sub");
        String agency = line.options().getOrDefault("--agency", role.equals("agency") ? subject : null);
        String token = Stack.signToken(state, role, subject, agency, Duration.ofMinutes(line.ttlMinutes()));
        if (newKeys) {
            System.err.println("generated a new key pair in " + state.privateKey().getParent());
        }
        System.out.println(token);
        return 0;
    }

    /** Walks one demo person per seed region through the running stack ({@link Demo}). */
    private static int demo(StateDir state) {
        Properties stack = StateDir.readProperties(state.stackFile());
        Properties addresses = stack.isEmpty() ? defaultAddresses() : stack;
        Demo demo = new Demo(name -> addresses.getProperty(name + ".url"),
                (role, subject) -> Stack.signToken(state, role, subject, role.equals("agency") ? subject : null,
                        Duration.ofHours(1)), Clock.systemUTC(), System.out);
        try {
            demo.run();
            return 0;
        } catch (IllegalStateException | AssertionError e) {
            System.err.println("demo stopped: " + e.getMessage());
            return 1;
        }
    }

    /** What an unrecorded stack would use: the defaults and the environment's overrides. */
    private static Properties defaultAddresses() {
        Properties props = new Properties();
        String dbHost = System.getenv().getOrDefault("FLEXSI_DB_HOST", "127.0.0.1");
        props.setProperty("postgres.address", dbHost + ":" + System.getenv().getOrDefault("FLEXSI_DB_PORT", "5432"));
        String kafka = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        props.setProperty("kafka.address", kafka.split(",")[0].trim());
        StackOptions defaults = StackOptions.builder(Path.of("")).build();
        List<String> names = new ArrayList<>();
        names.add(StackOptions.SIMULATORS);
        names.addAll(StackOptions.SERVICES);
        names.add(StackOptions.CONSOLE);
        props.setProperty("http", String.join(",", names));
        names.forEach(name -> props.setProperty(name + ".url", "http://127.0.0.1:" + defaults.port(name)));
        return props;
    }

    /** The launcher recorded in stack.pid, if it still runs (and is a launcher, not a recycled pid). */
    private static Optional<ProcessHandle> runningLauncher(StateDir state) {
        try {
            long pid = Long.parseLong(Files.readString(state.pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().commandLine()
                    .map(cmd -> cmd.contains("launcher") || cmd.contains(StackLauncher.class.getName()))
                    .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void writePidFile(StateDir state) {
        try {
            Files.createDirectories(state.root());
            Files.writeString(state.pidFile(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deletePidFile(StateDir state) {
        try {
            Files.deleteIfExists(state.pidFile());
        } catch (IOException e) {
            // a stale pid file is detected as such by the next up or down
        }
    }

    /** VmRSS of one process in kB from /proc, -1 when unknown. */
    static long rssKb(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static long treeRssKb(long pid) {
        return ProcessHandle.of(pid).map(root -> Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(p -> Math.max(rssKb(p.pid()), 0)).sum()).orElse(-1L);
    }

    private static String mb(long kb) {
        return kb < 0 ? NONE : String.format("%d MB", Math.round(kb / 1024.0));
    }

    private static boolean answersTcp(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return Postgres.listening(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static boolean kafkaAnswers(String bootstrap) {
        try {
            return KafkaBroker.answers(bootstrap);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean httpAnswers(String url) {
        try {
            return Stack.httpOk(url);
        } catch (Exception e) {
            return false;
        }
    }

    /** Logs under the project root are shown from there (deploy/.run/logs/...), the way the docs name them. */
    private static String relative(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }
}
