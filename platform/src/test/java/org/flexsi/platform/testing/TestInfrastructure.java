package org.flexsi.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real Kafka broker and PostgreSQL server the tests of one JVM share, started once. Where a
 * Docker engine answers, Testcontainers runs both; elsewhere Kafka is an in-JVM KRaft node
 * (KafkaClusterTestKit) and PostgreSQL is the machine's server, or an embedded one if none answers.
 */
public final class TestInfrastructure {
    private static String bootstrapServers;
    private static String jdbcBase;
    private static String dbUser = "postgres";
    private static String dbPassword = "";

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = docker() ? startKafkaContainer() : startKafkaInJvm();
        }
        return bootstrapServers;
    }

    /** A fresh, empty database for one test application; returns its JDBC URL. */
    public static synchronized String freshDatabase(String name) {
        if (jdbcBase == null) {
            jdbcBase = startPostgres();
        }
        try (Connection admin = DriverManager.getConnection(jdbcBase + "postgres", dbUser, dbPassword);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return jdbcBase + name;
    }

    public static String dbUser() {
        return dbUser;
    }

    public static String dbPassword() {
        return dbPassword;
    }

    private static boolean docker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String startKafkaInJvm() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-"))
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "6")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            // no shutdown hook: a broker shutting down while the test JVM exits can halt it with a
            // non-zero code, which fails the build after every test passed; its files live under target/
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
        }
    }

    private static String startKafkaContainer() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private static String startPostgres() {
        if (docker()) {
            PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
            postgres.start();
            dbUser = postgres.getUsername();
            dbPassword = postgres.getPassword();
            return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getFirstMappedPort() + "/";
        }
        String host = System.getenv().getOrDefault("FLEXSI_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("FLEXSI_DB_PORT", "5432"));
        if (answers(host, port)) {
            dbUser = System.getenv().getOrDefault("FLEXSI_DB_USER", "postgres");
            dbPassword = System.getenv().getOrDefault("FLEXSI_DB_PASSWORD", "");
            return "jdbc:postgresql://" + host + ":" + port + "/";
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Files.createTempDirectory("flexsi-pg").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL answers and the embedded one did not start", e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Base64 of 32 random bytes, as the crypto keys are given. */
    static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
