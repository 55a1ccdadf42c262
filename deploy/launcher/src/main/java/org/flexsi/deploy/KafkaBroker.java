package org.flexsi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft node (combined broker and controller) run as its own JVM from the jars in
 * {@code deploy/launcher/target/kafka-lib}, with its data under the state dir: either the single node of the
 * default stack, or one of the three nodes of {@code --brokers 3} (a static quorum of three controllers,
 * replication factor 3 and min.insync.replicas 2).
 */
final class KafkaBroker {
    static final String HOST = "127.0.0.1";

    private final Path dir;
    private final Path libDir;
    private final StateDir state;
    private final int port;
    private final int controllerPort;
    /** Null for the single node; else this node's id (1-based) and the quorum. */
    private final Cluster cluster;
    private final String name;

    /** The nodes of a cluster: node n (1-based) has broker port {@code ports.get(n-1)}, controller {@code controllerPorts.get(n-1)}. */
    record Cluster(int nodeId, List<Integer> ports, List<Integer> controllerPorts, String clusterId) {
        String voters() {
            StringBuilder voters = new StringBuilder();
            for (int i = 0; i < controllerPorts.size(); i++) {
                voters.append(i == 0 ? "" : ",").append(i + 1).append('@').append(HOST).append(':').append(controllerPorts.get(i));
            }
            return voters.toString();
        }

        String bootstrapServers() {
            return String.join(",", ports.stream().map(p -> HOST + ":" + p).toList());
        }
    }

    KafkaBroker(StateDir state, Path libDir, int port, int controllerPort) {
        this.dir = state.root().resolve("kafka");
        this.libDir = libDir;
        this.state = state;
        this.port = port;
        this.controllerPort = controllerPort;
        this.cluster = null;
        this.name = StackOptions.KAFKA;
    }

    /** Node {@code cluster.nodeId()} of a cluster, its data in {@code <state>/kafka-<n>}, named kafka-n. */
    KafkaBroker(StateDir state, Path libDir, Cluster cluster) {
        this.name = StackOptions.KAFKA + "-" + cluster.nodeId();
        this.dir = state.root().resolve(name);
        this.libDir = libDir;
        this.state = state;
        this.port = cluster.ports().get(cluster.nodeId() - 1);
        this.controllerPort = cluster.controllerPorts().get(cluster.nodeId() - 1);
        this.cluster = cluster;
    }

    String name() {
        return name;
    }

    /** The cluster id a node's formatted storage holds, if it was formatted before. */
    static java.util.Optional<String> formattedClusterId(StateDir state, int nodeId) {
        Path meta = state.root().resolve(StackOptions.KAFKA + "-" + nodeId).resolve("data/meta.properties");
        if (!Files.exists(meta)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(StateDir.readProperties(meta).getProperty("cluster.id"));
    }

    /** This node's own address (a cluster's clients get all three: {@link Cluster#bootstrapServers()}). */
    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Writes the configuration, formats the storage on first use, and returns the (not yet started) broker. */
    ManagedProcess prepare(String javaCommand) {
        if (!Files.isDirectory(libDir)) {
            throw new StackException("no Kafka jars in " + libDir + "; build deploy/launcher first");
        }
        Path dataDir = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, cluster == null ? serverProperties(dataDir, port, controllerPort)
                    : clusterProperties(dataDir, cluster));
            Files.writeString(log4j, log4j2Properties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> jvm = List.of(javaCommand, "-Xmx512m", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", libDir + "/*");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            // KRaft storage must be formatted once; --standalone makes the single node the whole controller quorum,
            // a cluster's nodes share one cluster id and find their quorum in controller.quorum.voters
            List<String> format = cluster == null
                    ? concat(jvm, "kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                            "--config", config.toString(), "--standalone")
                    : concat(jvm, "kafka.tools.StorageTool", "format", "--cluster-id", cluster.clusterId(),
                            "--config", config.toString());
            new ManagedProcess(name + "-format", format, Map.of(), dir, state.log(name + "-format"), () -> true)
                    .runToCompletion(Duration.ofMinutes(1));
        }
        // a cluster node is ready once it answers itself and the cluster sees all of its brokers
        int expected = cluster == null ? 1 : cluster.ports().size();
        return new ManagedProcess(name, concat(jvm, "kafka.Kafka", config.toString()), Map.of(), dir,
                state.log(name), () -> brokersSeen(bootstrapServers()) >= expected);
    }

    static String serverProperties(Path dataDir, int port, int controllerPort) {
        String plain = "PLAINTEXT://" + HOST + ":" + port;
        String controller = "CONTROLLER://" + HOST + ":" + controllerPort;
        return String.join("\n",
                "# written by the flexsi launcher at every start; edits are lost",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + HOST + ":" + controllerPort,
                "listeners=" + plain + "," + controller,
                "advertised.listeners=" + plain + "," + controller,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                // topics are created by the services with their own partition counts; a typo must not create one
                "auto.create.topics.enable=false",
                "num.partitions=6",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // consumers of a freshly started service join at once instead of after 3 s
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** One node of a three-node cluster: combined roles, a static quorum, and replication 3 with min.insync 2. */
    static String clusterProperties(Path dataDir, Cluster cluster) {
        int port = cluster.ports().get(cluster.nodeId() - 1);
        int controllerPort = cluster.controllerPorts().get(cluster.nodeId() - 1);
        String plain = "PLAINTEXT://" + HOST + ":" + port;
        String controller = "CONTROLLER://" + HOST + ":" + controllerPort;
        int replicas = cluster.ports().size();
        int minInSync = Math.min(2, replicas);
        return String.join("\n",
                "# written by the flexsi launcher at every start; edits are lost",
                "process.roles=broker,controller",
                "node.id=" + cluster.nodeId(),
                "controller.quorum.voters=" + cluster.voters(),
                "listeners=" + plain + "," + controller,
                "advertised.listeners=" + plain + "," + controller,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                "auto.create.topics.enable=false",
                "num.partitions=6",
                "default.replication.factor=" + replicas,
                // acks=all then needs two of the three: one node may die without a producer noticing
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replicas,
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                // a restarted node takes its partitions back as leader soon, so the load spreads again
                "leader.imbalance.check.interval.seconds=10",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** Kafka 4 logs through log4j2; everything goes to stdout, which the launcher sends to logs/kafka.log. */
    static String log4j2Properties() {
        return String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.target = SYSTEM_OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = out",
                // per-partition state changes and request logs drown the useful lines
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = warn",
                "");
    }

    /** True when a broker at these bootstrap servers answers a metadata request. */
    static boolean answers(String bootstrapServers) throws Exception {
        return brokersSeen(bootstrapServers) > 0;
    }

    /** How many brokers the cluster at these bootstrap servers reports; 0 when none answers. */
    static int brokersSeen(String bootstrapServers) throws Exception {
        // a plain connect first: the Admin client logs a warning for every refused connection
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    1000);
        } catch (IOException e) {
            return 0;
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).size();
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }
}
