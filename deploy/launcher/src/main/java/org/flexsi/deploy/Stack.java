package org.flexsi.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.platform.security.Roles;

/**
 * A running local stack: PostgreSQL, Kafka, the simulators and the selected services, each child with its log
 * in {@code <state>/logs/<name>.log}. Used by {@code deploy/stack} and by the system tests. Closing it stops
 * everything it started; a JVM shutdown hook does the same if nobody closes it.
 */
public final class Stack implements AutoCloseable {
    /** The roles a token can carry. */
    public static final List<String> ROLES = List.of(Roles.CONTRIBUTOR, Roles.PROXY, Roles.BANK, Roles.AGENCY, Roles.OPS, Roles.AUDITOR);
    /**
     * Heap for each service and the simulators, and C1 only: seven JVMs share a developer's few cores here, and
     * C2 spent most of the CPU of a 2-core machine compiling for minutes after start (payments/s under load: 36
     * with C2 after a minute, 61 with C1 at once; C2 reached 90 only after several minutes). A production
     * deployment, each service on cores of its own, keeps the JVM's default (C2); {@code up --tiered-jit} does too.
     */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final StackOptions options;
    private final StateDir state;
    private final Map<String, String> secrets;
    private final Map<String, String> bankSecrets;
    private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** HTTP children by name, in start order. */
    private final Map<String, ManagedProcess> children = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "flexsi-stack-shutdown");
    private Postgres postgres;
    /** The brokers this stack started by name: "kafka" alone, or kafka-1 ... kafka-3. */
    private final Map<String, ManagedProcess> brokers = new LinkedHashMap<>();
    /** HAProxy in front of the instances when scaled out, else null. */
    private ManagedProcess proxy;
    private String bootstrapServers;
    private boolean closed;
    private boolean booting = true;
    private final Map<String, Login> serviceLogins = new ConcurrentHashMap<>();

    private Stack(StackOptions options) {
        this.options = options;
        this.state = new StateDir(options.stateDir());
        this.secrets = state.secrets();
        this.bankSecrets = state.bankSecrets();
        state.signer();
    }

    /** Starts PostgreSQL, Kafka, the simulators, then the services in parallel, and waits until all are ready. */
    public static Stack start(StackOptions options) {
        Stack stack = new Stack(options);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        RuntimeException failure = null;
        try {
            stack.boot();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            stack.bootEnded();
        }
        if (failure == null) {
            return stack;
        }
        boolean stoppedFromOutside = stack.isClosed();
        stack.close();
        throw stoppedFromOutside ? new StackException("start-up interrupted: the stack was stopped", failure) : failure;
    }

    private void boot() {
        PrintStream out = options.out();
        // fail before anything is started: a missing jar or a busy port would otherwise show up minutes later
        if (options.simulators()) {
            requireFile(simulatorsJar());
        }
        options.services().forEach(name -> requireFile(serviceJar(name)));
        if (options.console()) {
            requireFile(consoleJar());
        }
        requireFreePorts();
        Postgres database = Postgres.connectOrStart(options, state);
        synchronized (this) {
            if (closed) {
                // close() ran while the embedded server was starting and could not see it
                database.close();
                requireOpen();
            }
            postgres = database;
        }
        database.ensureDatabases(options.services().stream().map(options::databaseName).toList(),
                options.freshDatabases(), out);
        Map<String, String> passwords = state.databasePasswords(options.services());
        for (String service : options.services()) {
            if (database.ensureServiceRole(options.databaseName(service), passwords.get(service), out)) {
                serviceLogins.put(service, new Login(options.databaseName(service), passwords.get(service)));
            }
        }
        String external = externalKafka();
        if (external != null) {
            bootstrapServers = external;
            out.printf("%-13s using %s (KAFKA_BOOTSTRAP_SERVERS), no broker started%n", StackOptions.KAFKA, external);
            awaitExternalKafka(external);
        } else {
            List<KafkaBroker> nodes = kafkaNodes();
            bootstrapServers = options.brokers() == 1 ? nodes.get(0).bootstrapServers()
                    : String.join(",", nodes.stream().map(KafkaBroker::bootstrapServers).toList());
            List<ManagedProcess> processes = new ArrayList<>();
            for (KafkaBroker node : nodes) {
                processes.add(node.prepare(javaCommand));
            }
            synchronized (this) {
                requireOpen();
                for (ManagedProcess process : processes) {
                    brokers.put(process.name, process);
                    process.start(false);
                }
            }
            ManagedProcess.awaitReady(processes, options.startTimeout(), out);
        }
        writeStackFile();
        if (options.simulators()) {
            ManagedProcess.awaitReady(List.of(launch(simulatorsProcess())), options.startTimeout(), out);
        }
        List<ManagedProcess> services = new ArrayList<>();
        for (String name : options.services()) {
            for (int instance = 1; instance <= options.instances(); instance++) {
                services.add(launch(serviceProcess(name, instance)));
            }
        }
        writeStackFile();
        ManagedProcess.awaitReady(services, options.startTimeout(), out);
        if (options.scaledOut() && !options.services().isEmpty()) {
            startProxy();
        }
        if (options.console()) {
            ManagedProcess.awaitReady(List.of(launch(consoleProcess())), options.startTimeout(), out);
            writeStackFile();
        }
        if (options.monitoring()) {
            ManagedProcess.awaitReady(List.of(launch(Monitoring.prometheus(options, state, this::url))),
                    options.startTimeout(), out);
            writeStackFile();
        }
    }

    /** The single node, or the three nodes of a cluster sharing one cluster id (kept from an earlier format). */
    private List<KafkaBroker> kafkaNodes() {
        if (options.brokers() == 1) {
            return List.of(new KafkaBroker(state, kafkaLibDir(), options.kafkaPort(), options.kafkaControllerPort()));
        }
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int n = 1; n <= options.brokers(); n++) {
            ports.add(options.kafkaPort(n));
            controllerPorts.add(options.kafkaControllerPort(n));
        }
        String clusterId = null;
        for (int n = 1; n <= options.brokers() && clusterId == null; n++) {
            clusterId = KafkaBroker.formattedClusterId(state, n).orElse(null);
        }
        if (clusterId == null) {
            clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        }
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int n = 1; n <= options.brokers(); n++) {
            nodes.add(new KafkaBroker(state, kafkaLibDir(), new KafkaBroker.Cluster(n, ports, controllerPorts, clusterId)));
        }
        return nodes;
    }

    /** HAProxy on the services' usual ports, ready once every service answers its readiness check through it. */
    private void startProxy() {
        List<ReverseProxy.Frontend> frontends = new ArrayList<>();
        for (String service : options.services()) {
            List<Integer> ports = new ArrayList<>();
            for (int instance = 1; instance <= options.instances(); instance++) {
                ports.add(options.instancePort(service, instance));
            }
            frontends.add(new ReverseProxy.Frontend(service, options.port(service), ports));
        }
        ManagedProcess process = ReverseProxy.prepare(state, frontends, healthPath(options.services().get(0)), () -> {
            for (String service : options.services()) {
                if (!httpOk(url(service) + healthPath(service))) {
                    return false;
                }
            }
            return true;
        });
        synchronized (this) {
            requireOpen();
            proxy = process;
            proxy.start(false);
        }
        writeStackFile();
        ManagedProcess.awaitReady(List.of(process), options.startTimeout(), options.out());
    }

    /** The process name of one instance (1-based): the service's own name when it runs once, else payment-2 etc. */
    public static String instanceName(String service, int instance, int instances) {
        return instances == 1 ? service : service + "-" + instance;
    }

    /** The process name of one instance of a service in this stack. */
    public String instanceName(String service, int instance) {
        return instanceName(service, instance, options.instances());
    }

    /** The direct URL of one instance (1-based), bypassing the proxy. */
    public String instanceUrl(String service, int instance) {
        return "http://127.0.0.1:" + options.instancePort(service, instance);
    }

    /** How many instances of each service run. */
    public int instances() {
        return options.instances();
    }

    /** The names of the brokers this stack started (empty with an external Kafka). */
    public synchronized List<String> brokerNames() {
        return List.copyOf(brokers.keySet());
    }

    /** Starts a child unless the stack was closed meanwhile (a SIGINT during start-up must leave nothing behind). */
    private synchronized ManagedProcess launch(ManagedProcess process) {
        requireOpen();
        children.put(process.name, process);
        process.start(false);
        return process;
    }

    private void requireOpen() {
        if (closed) {
            throw new StackException("the stack was closed");
        }
    }

    private synchronized void bootEnded() {
        booting = false;
        notifyAll();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /**
     * The HTTP base URL of the simulators or of a service, e.g. http://127.0.0.1:8081: when scaled out, the
     * reverse proxy's address in front of the instances.
     */
    public String url(String name) {
        return "http://127.0.0.1:" + options.port(name);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The JDBC URL of a service's database. */
    public String jdbcUrl(String service) {
        return postgres.jdbcUrl(options.databaseName(service));
    }

    /** host:port of the PostgreSQL server in use. */
    public String databaseAddress() {
        return postgres.host + ":" + postgres.port;
    }

    /** True when no server answered at the configured address and the stack started an embedded one. */
    public boolean embeddedDatabase() {
        return postgres.embedded();
    }

    public String databaseUser() {
        return postgres.user;
    }

    /** Null when the server needs none (embedded, or trust authentication). */
    public String databasePassword() {
        return postgres.password;
    }

    /** A database login: user and password (null where the server needs none). */
    public record Login(String user, String password) {
    }

    /** What a service logs in to its database as: its own role, or the stack's user where roles cannot be made. */
    public Login databaseLogin(String service) {
        return serviceLogins.getOrDefault(service, new Login(postgres.user, postgres.password));
    }

    /** The secret shared by the simulators and the services for one party (wechat, alipay, ...) or bank (icbc, ccb). */
    public String secret(String party) {
        String secret = secrets.getOrDefault(party, bankSecrets.get(party));
        if (secret == null) {
            throw new IllegalArgumentException("unknown party " + party + "; known: " + StateDir.PARTIES + " " + StateDir.BANKS);
        }
        return secret;
    }

    /** A signed bearer token valid for one hour. */
    public String token(String role, String subject) {
        return token(role, subject, Duration.ofHours(1));
    }

    public String token(String role, String subject, Duration lifetime) {
        return signToken(state, role, subject, role.equals("agency") ? subject : null, lifetime);
    }

    static String signToken(StateDir state, String role, String subject, String agency, Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; known: " + String.join(", ", ROLES));
        }
        return state.signer().sign(role, subject, agency, lifetime);
    }

    public Path logFile(String name) {
        return process(name).log();
    }

    public long pid(String name) {
        return process(name).pid();
    }

    public boolean isAlive(String name) {
        return process(name).isAlive();
    }

    /** SIGKILL to one child (a service instance, the simulators, or a broker the stack started). */
    public void kill(String name) {
        process(name).kill();
    }

    /** Starts a child again (stopping it first if it still runs) and waits until it is ready. */
    public void restart(String name) {
        ManagedProcess process = process(name);
        if (process.isAlive()) {
            process.terminate();
            process.awaitExit(Instant.now().plusSeconds(10));
        }
        synchronized (this) {
            requireOpen();
            process.start(true);
        }
        ManagedProcess.awaitReady(List.of(process), options.startTimeout(), options.out());
        writeStackFile();
    }

    /**
     * Stops everything this stack started: SIGTERM to the services and the simulators together, up to 10 s, then
     * SIGKILL; then the broker the same way; then embedded PostgreSQL. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook, or another hook got here first
        }
        List<ManagedProcess> running = new ArrayList<>(children.values());
        running.forEach(ManagedProcess::terminate);
        Instant deadline = Instant.now().plusSeconds(10);
        running.forEach(p -> p.awaitExit(deadline));
        if (proxy != null) {
            proxy.terminate();
            proxy.awaitExit(Instant.now().plusSeconds(5));
        }
        brokers.values().forEach(ManagedProcess::terminate);
        Instant brokersDeadline = Instant.now().plusSeconds(10);
        brokers.values().forEach(b -> b.awaitExit(brokersDeadline));
        awaitBootEnd();
        if (postgres != null) {
            postgres.close();
        }
        try {
            Files.deleteIfExists(state.stackFile());
        } catch (IOException e) {
            // status then reports the processes as not answering, which is true
        }
    }

    /**
     * Called from a shutdown hook during start-up: lets the starting thread reach its next check (it gives up
     * there, closing an embedded PostgreSQL this method could not see yet) before the JVM exits.
     */
    private void awaitBootEnd() {
        Instant deadline = Instant.now().plusSeconds(90);
        while (booting && Instant.now().isBefore(deadline)) {
            try {
                wait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized ManagedProcess process(String name) {
        ManagedProcess process = brokers.containsKey(name) ? brokers.get(name)
                : ReverseProxy.NAME.equals(name) && proxy != null ? proxy : children.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name + " in this stack; it has " + names());
        }
        return process;
    }

    /** Names of the processes this stack started, brokers first, then the HTTP children (not the proxy). */
    public synchronized List<String> names() {
        List<String> names = new ArrayList<>(brokers.keySet());
        names.addAll(children.keySet());
        return names;
    }

    private ManagedProcess simulatorsProcess() {
        String name = StackOptions.SIMULATORS;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SIMULATORS_PORT", String.valueOf(options.port(name)));
        // the local stack's identity provider: publishes the key set the stack's tokens are verified with
        state.signer();
        env.put("SIM_IDP_KEY_SET", state.tokenKeySet().toString());
        // and signs in the console's operators with the same key (OpenID Connect code flow, where the console enables it)
        env.put("SIM_IDP_SIGNING_KEY", state.privateKey().toString());
        secrets.forEach((party, secret) -> env.put("SIM_SECRET_" + party.toUpperCase(Locale.ROOT), secret));
        bankSecrets.forEach((bank, secret) -> env.put("SIM_BANK_SECRET_" + envName(bank), secret));
        env.putAll(options.extraEnv());
        return new ManagedProcess(name, javaJar(simulatorsJar(), true), env, options.projectRoot().resolve("simulators"),
                state.log(name), () -> httpOk(url(name) + healthPath(name)));
    }

    /** The direct URL of an HTTP child by its process name (payment-2, simulators, ...). */
    public String childUrl(String name) {
        for (String service : options.services()) {
            for (int instance = 1; instance <= options.instances(); instance++) {
                if (instanceName(service, instance).equals(name)) {
                    return instanceUrl(service, instance);
                }
            }
        }
        return url(name);
    }

    private Path simulatorsJar() {
        return options.projectRoot().resolve("simulators/target/simulators.jar");
    }

    private Path serviceJar(String name) {
        return options.projectRoot().resolve(name + "-service/target/quarkus-app/quarkus-run.jar");
    }

    private ManagedProcess serviceProcess(String name, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        String process = instanceName(name, instance);
        String own = instanceUrl(name, instance);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(options.instancePort(name, instance)));
        // a developer's stack with generated secrets has no business on the network
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(name));
        Login login = databaseLogin(name);
        env.put("QUARKUS_DATASOURCE_USERNAME", login.user());
        if (login.password() != null) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", login.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokenKeySetUrl());
        state.cryptoKeys().forEach((key, value) -> env.put("FLEXSI_CRYPTO_" + key.toUpperCase(Locale.ROOT) + "_KEY", value));
        env.put("FLEXSI_SIMULATORS_URL", url(StackOptions.SIMULATORS));
        env.put("FLEXSI_SELF_URL", url(name));
        secrets.forEach((party, secret) -> env.put("FLEXSI_SECRET_" + party.toUpperCase(Locale.ROOT), secret));
        if ("payment".equals(name)) {
            // the bank channel: the same per-bank secret the bank simulator signs and verifies with
            bankSecrets.forEach((bank, secret) -> env.put("FLEXSI_PAYMENT_BANK_SECRETS_" + envName(bank), secret));
        }
        // a cluster of three: topics replicated to all of them, two in sync for a write (acks=all)
        env.put("FLEXSI_KAFKA_REPLICATION_FACTOR", String.valueOf(options.brokers() == 3 && externalKafka() == null ? 3 : 1));
        env.putAll(options.extraEnv());
        return new ManagedProcess(process, javaJar(serviceJar(name), !options.tieredJit()), env,
                options.projectRoot().resolve(name + "-service"), state.log(process),
                () -> httpOk(own + healthPath(name)));
    }

    private Path consoleJar() {
        return options.projectRoot().resolve("ops-console/target/quarkus-app/quarkus-run.jar");
    }

    /** The ops console: the services' URLs and the key their tokens are checked with; nothing else of the stack. */
    private ManagedProcess consoleProcess() {
        String name = StackOptions.CONSOLE;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(options.port(name)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokenKeySetUrl());
        for (String service : StackOptions.SERVICES) {
            env.put("FLEXSI_CONSOLE_SERVICES_" + envName(service), url(service));
        }
        env.putAll(options.extraEnv());
        return new ManagedProcess(name, javaJar(consoleJar(), true), env, options.projectRoot().resolve("ops-console"),
                state.log(name), () -> httpOk(url(name) + healthPath(name)));
    }

    /** Where the services fetch the token key set: the identity provider the simulators play. */
    private String tokenKeySetUrl() {
        return url(StackOptions.SIMULATORS) + "/idp/.well-known/jwks.json";
    }

    private static String envName(String bankId) {
        return bankId.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private List<String> javaJar(Path jar, boolean c1Only) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(CHILD_JVM_OPTIONS);
        if (c1Only) {
            command.add(C1_ONLY);
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Health path of an HTTP child: what start-up waits for, the CLI prints and status probes. */
    static String healthPath(String name) {
        return StackOptions.SIMULATORS.equals(name) ? "/health"
                : StackOptions.PROMETHEUS.equals(name) ? "/-/ready" : "/q/health/ready";
    }

    static boolean httpOk(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private void awaitExternalKafka(String servers) {
        Instant deadline = Instant.now().plus(options.startTimeout());
        while (true) {
            try {
                if (KafkaBroker.answers(servers)) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException("Kafka at " + servers + " (KAFKA_BOOTSTRAP_SERVERS) does not answer");
            }
            ManagedProcess.sleep(500);
        }
    }

    /** A leftover process on one of our ports would make a service fail in a confusing way later. */
    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (externalKafka() == null) {
            ports.put("kafka", options.kafkaPort());
            ports.put("kafka controller", options.kafkaControllerPort());
        }
        if (options.simulators()) {
            ports.put(StackOptions.SIMULATORS, options.port(StackOptions.SIMULATORS));
        }
        options.services().forEach(name -> ports.put(name, options.port(name)));
        if (options.console()) {
            ports.put(StackOptions.CONSOLE, options.port(StackOptions.CONSOLE));
        }
        if (options.monitoring()) {
            ports.put(StackOptions.PROMETHEUS, options.port(StackOptions.PROMETHEUS));
        }
        for (int n = 2; n <= options.brokers() && externalKafka() == null; n++) {
            ports.put("kafka-" + n, options.kafkaPort(n));
            ports.put("kafka-" + n + " controller", options.kafkaControllerPort(n));
        }
        for (int instance = 1; options.scaledOut() && instance <= options.instances(); instance++) {
            for (String name : options.services()) {
                ports.put(instanceName(name, instance), options.instancePort(name, instance));
            }
        }
        ports.forEach((name, port) -> {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                // free
            } catch (IOException e) {
                throw new StackException("port " + port + " (" + name + ") is in use: is another stack running? "
                        + "(deploy/stack down, or stop the process listening there)");
            }
        });
    }

    /** KAFKA_BOOTSTRAP_SERVERS when set: then that cluster is used and no broker is started. */
    private String externalKafka() {
        String servers = options.environment().get("KAFKA_BOOTSTRAP_SERVERS");
        return servers == null || servers.isBlank() ? null : servers.trim();
    }

    private Path kafkaLibDir() {
        return options.projectRoot().resolve("deploy/launcher/target/kafka-lib");
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StackException(file + " is missing; build it first (./mvnw install -DskipTests)");
        }
    }

    /** Ports, pids, URLs and logs for {@code deploy/stack status}, which runs in another JVM. */
    private synchronized void writeStackFile() {
        if (closed) {
            return; // close() removed it
        }
        Properties props = new Properties();
        props.setProperty("postgres.address", postgres.host + ":" + postgres.port);
        if (postgres.pid() > 0) {
            props.setProperty("postgres.pid", String.valueOf(postgres.pid()));
        }
        props.setProperty("kafka.address", bootstrapServers.split(",")[0].trim());
        if (brokers.size() == 1 && brokers.containsKey(StackOptions.KAFKA)) {
            props.setProperty("kafka.pid", String.valueOf(brokers.get(StackOptions.KAFKA).pid()));
        } else if (!brokers.isEmpty()) {
            // a cluster: one row per node in status
            props.setProperty("kafka.brokers", String.join(",", brokers.keySet()));
            int n = 1;
            for (Map.Entry<String, ManagedProcess> broker : brokers.entrySet()) {
                props.setProperty(broker.getKey() + ".address", KafkaBroker.HOST + ":" + options.kafkaPort(n++));
                props.setProperty(broker.getKey() + ".pid", String.valueOf(broker.getValue().pid()));
            }
        }
        props.setProperty("http", String.join(",", children.keySet()));
        children.forEach((name, process) -> {
            props.setProperty(name + ".url", childUrl(name));
            props.setProperty(name + ".pid", String.valueOf(process.pid()));
        });
        if (options.scaledOut()) {
            // what clients use: the proxy's port per service (the demo and status read <service>.url)
            props.setProperty("proxied", String.join(",", options.services()));
            options.services().forEach(service -> props.setProperty(service + ".url", url(service)));
            if (proxy != null) {
                props.setProperty(ReverseProxy.NAME + ".pid", String.valueOf(proxy.pid()));
            }
        }
        StateDir.writeProperties(state.stackFile(), props, "the running flexsi stack");
    }
}
