package org.flexsi.deploy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What to start and where; immutable, built with {@link #builder(Path)}. */
public final class StackOptions {
    /** The five services in port order: registration gets the base port, rights-sync base + 4. */
    public static final List<String> SERVICES =
            List.of("registration", "assessment", "payment", "certificate", "rights-sync");
    public static final String SIMULATORS = "simulators";
    /** The operators' web console: after the five services on the port line (8086 by default). */
    public static final String CONSOLE = "ops-console";
    /** Prometheus, with flexsi's alert rules, when asked for ({@code up --monitoring}). */
    public static final String PROMETHEUS = "prometheus";
    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";

    private final Path projectRoot;
    private final Path stateDir;
    private final int servicePortBase;
    private final int simulatorsPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final String databasePrefix;
    private final Set<String> services;
    private final boolean simulators;
    private final boolean console;
    private final boolean monitoring;
    private final boolean tieredJit;
    private final int prometheusPort;
    private final boolean freshDatabases;
    private final Duration startTimeout;
    private final Map<String, String> environment;
    private final Map<String, String> extraEnv;
    private final PrintStream out;
    private final int brokers;
    private final int instances;

    private StackOptions(Builder b) {
        projectRoot = b.projectRoot;
        stateDir = b.stateDir != null ? b.stateDir : b.projectRoot.resolve("deploy/.run");
        servicePortBase = b.servicePortBase;
        simulatorsPort = b.simulatorsPort;
        kafkaPort = b.kafkaPort;
        kafkaControllerPort = b.kafkaControllerPort;
        databasePrefix = b.databasePrefix;
        services = Set.copyOf(b.services);
        simulators = b.simulators;
        console = b.console;
        monitoring = b.monitoring;
        tieredJit = b.tieredJit;
        prometheusPort = b.prometheusPort;
        freshDatabases = b.freshDatabases;
        startTimeout = b.startTimeout;
        environment = Map.copyOf(b.environment);
        extraEnv = Map.copyOf(b.extraEnv);
        out = b.out;
        brokers = b.brokers;
        instances = b.instances;
    }

    public static Builder builder(Path projectRoot) {
        return new Builder(projectRoot);
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The selected services, in {@link #SERVICES} order. */
    public List<String> services() {
        return SERVICES.stream().filter(services::contains).toList();
    }

    public boolean simulators() {
        return simulators;
    }

    /** Whether a Prometheus scraping every process, with the alert rules loaded, starts last. */
    public boolean monitoring() {
        return monitoring;
    }

    /** Whether the services compile with C2 (the JVM's default, as in production) rather than C1 only. */
    public boolean tieredJit() {
        return tieredJit;
    }

    /** Whether the ops console starts (after the services; it needs no database and no Kafka). */
    public boolean console() {
        return console;
    }

    public boolean freshDatabases() {
        return freshDatabases;
    }

    public String databasePrefix() {
        return databasePrefix;
    }

    /** flexsi_rights_sync for rights-sync with the default prefix. */
    public String databaseName(String service) {
        return databasePrefix + service.replace('-', '_');
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    /** Where FLEXSI_DB_* and KAFKA_BOOTSTRAP_SERVERS are read from; the process environment by default. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Added to the environment of every child process, e.g. to shorten timers in tests. */
    public Map<String, String> extraEnv() {
        return extraEnv;
    }

    /** Progress messages go here. */
    public PrintStream out() {
        return out;
    }

    /** Kafka brokers to start: 1 (the default, a single KRaft node) or a cluster of 3. */
    public int brokers() {
        return brokers;
    }

    /** Instances of each service: 1 by default; with more, HAProxy serves each service's usual port. */
    public int instances() {
        return instances;
    }

    /** True when the services run as several instances behind the reverse proxy. */
    public boolean scaledOut() {
        return instances > 1;
    }

    /**
     * The port of one instance (1-based) of a service when {@link #scaledOut()}: base + 100 * instance + index, so
     * with the defaults payment's instances listen on 8183 and 8283 and HAProxy on 8083.
     */
    public int instancePort(String service, int instance) {
        if (instance < 1 || instance > instances) {
            throw new IllegalArgumentException("instance " + instance + " of " + instances);
        }
        if (!scaledOut()) {
            return port(service);
        }
        return port(service) + 100 * instance;
    }

    /** Broker n (1-based) listens on the broker port + 2(n-1), its controller on the controller port + 2(n-1). */
    public int kafkaPort(int broker) {
        return kafkaPort + 2 * (broker - 1);
    }

    public int kafkaControllerPort(int broker) {
        return kafkaControllerPort + 2 * (broker - 1);
    }

    /** HTTP port of the simulators or of one of the services. */
    public int port(String name) {
        if (SIMULATORS.equals(name)) {
            return simulatorsPort;
        }
        if (CONSOLE.equals(name)) {
            return servicePortBase + SERVICES.size();
        }
        if (PROMETHEUS.equals(name)) {
            return prometheusPort;
        }
        int index = SERVICES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no HTTP process named " + name + "; known: simulators, " + CONSOLE + ", " + SERVICES);
        }
        return servicePortBase + index;
    }

    public static final class Builder {
        private final Path projectRoot;
        private Path stateDir;
        private int servicePortBase = 8081;
        private int simulatorsPort = 8090;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private String databasePrefix = "flexsi_";
        private Set<String> services = new LinkedHashSet<>(SERVICES);
        private boolean simulators = true;
        private boolean console = true;
        private boolean monitoring;
        private boolean tieredJit;
        private int prometheusPort = 9090;
        private boolean freshDatabases;
        private Duration startTimeout = Duration.ofMinutes(3);
        private Map<String, String> environment = System.getenv();
        private final Map<String, String> extraEnv = new LinkedHashMap<>();
        private PrintStream out = System.out;
        private int brokers = 1;
        private int instances = 1;

        private Builder(Path projectRoot) {
            this.projectRoot = projectRoot.toAbsolutePath().normalize();
        }

        /** Keys, secrets, logs, Kafka and embedded-PostgreSQL data; default {@code <root>/deploy/.run}. */
        public Builder stateDir(Path dir) {
            stateDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder servicePortBase(int port) {
            servicePortBase = port;
            return this;
        }

        public Builder simulatorsPort(int port) {
            simulatorsPort = port;
            return this;
        }

        public Builder kafkaPorts(int brokerPort, int controllerPort) {
            kafkaPort = brokerPort;
            kafkaControllerPort = controllerPort;
            return this;
        }

        public Builder databasePrefix(String prefix) {
            // the prefix ends up in CREATE/DROP DATABASE statements
            if (!prefix.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("database prefix must match [a-z][a-z0-9_]*: " + prefix);
            }
            databasePrefix = prefix;
            return this;
        }

        /** Which of {@link #SERVICES} to start; all of them by default. */
        public Builder services(Set<String> names) {
            for (String name : names) {
                if (!SERVICES.contains(name)) {
                    throw new IllegalArgumentException("unknown service " + name + "; known: " + SERVICES);
                }
            }
            services = new LinkedHashSet<>(names);
            return this;
        }

        public Builder simulators(boolean start) {
            simulators = start;
            return this;
        }

        public Builder console(boolean start) {
            console = start;
            return this;
        }

        /** Also start Prometheus (Debian's {@code prometheus}) on {@code port}, scraping the stack. */
        public Builder monitoring(boolean start, int port) {
            monitoring = start;
            prometheusPort = port;
            return this;
        }

        public Builder tieredJit(boolean tiered) {
            tieredJit = tiered;
            return this;
        }

        /** Drop and recreate the services' databases: for tests only. */
        public Builder freshDatabases(boolean fresh) {
            freshDatabases = fresh;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            startTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder environment(Map<String, String> env) {
            environment = Objects.requireNonNull(env);
            return this;
        }

        public Builder extraEnv(String name, String value) {
            extraEnv.put(name, value);
            return this;
        }

        /** 1 (single node) or 3 (three KRaft nodes, replication factor 3, min.insync.replicas 2). */
        public Builder brokers(int count) {
            if (count != 1 && count != 3) {
                throw new IllegalArgumentException("brokers must be 1 or 3, not " + count);
            }
            brokers = count;
            return this;
        }

        /** Instances of every service, 1 to 9; with more than one, HAProxy serves the usual ports. */
        public Builder instances(int count) {
            if (count < 1 || count > 9) {
                throw new IllegalArgumentException("instances must be between 1 and 9, not " + count);
            }
            instances = count;
            return this;
        }

        public Builder out(PrintStream stream) {
            out = Objects.requireNonNull(stream);
            return this;
        }

        public StackOptions build() {
            return new StackOptions(this);
        }
    }
}
