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
 * A single-node KRaft broker (combined broker and controller) run as its own JVM from the jars in
 * {@code deploy/launcher/target/kafka-lib}, with its data under the state dir.
 */
final class KafkaBroker {
    static final String HOST = "127.0.0.1";

    private final Path dir;
    private final Path libDir;
    private final StateDir state;
    private final int port;
    private final int controllerPort;

    KafkaBroker(StateDir state, Path libDir, int port, int controllerPort) {
        this.dir = state.root().resolve("kafka");
        this.libDir = libDir;
        this.state = state;
        this.port = port;
        this.controllerPort = controllerPort;
    }

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
            Files.writeString(config, serverProperties(dataDir, port, controllerPort));
            Files.writeString(log4j, log4j2Properties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> jvm = List.of(javaCommand, "-Xmx512m", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", libDir + "/*");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            // KRaft storage must be formatted once; --standalone makes this node the whole controller quorum
            List<String> format = concat(jvm, "kafka.tools.StorageTool", "format", "--cluster-id",
                    Uuid.randomUuid().toString(), "--config", config.toString(), "--standalone");
            new ManagedProcess("kafka-format", format, Map.of(), dir, state.log("kafka-format"), () -> true)
                    .runToCompletion(Duration.ofMinutes(1));
        }
        return new ManagedProcess(StackOptions.KAFKA, concat(jvm, "kafka.Kafka", config.toString()), Map.of(), dir,
                state.log(StackOptions.KAFKA), () -> answers(bootstrapServers()));
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
        // a plain connect first: the Admin client logs a warning for every refused connection
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    1000);
        } catch (IOException e) {
            return false;
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).isEmpty();
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }
}
