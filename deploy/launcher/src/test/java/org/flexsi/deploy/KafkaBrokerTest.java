package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {
    @Test
    void serverPropertiesDescribeASingleCombinedNode() throws IOException {
        Properties config = new Properties();
        config.load(new StringReader(KafkaBroker.serverProperties(Path.of("/state/kafka/data"), 19092, 19093)));

        assertEquals("broker,controller", config.getProperty("process.roles"));
        assertEquals("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093", config.getProperty("listeners"));
        assertEquals("127.0.0.1:19093", config.getProperty("controller.quorum.bootstrap.servers"));
        // StorageTool --standalone refuses a static voter list
        assertFalse(config.containsKey("controller.quorum.voters"));
        assertEquals("CONTROLLER", config.getProperty("controller.listener.names"));
        assertEquals("/state/kafka/data", config.getProperty("log.dirs"));
        assertEquals("false", config.getProperty("auto.create.topics.enable"));
        assertEquals("6", config.getProperty("num.partitions"));
        assertEquals("1", config.getProperty("offsets.topic.replication.factor"));
        assertEquals("1", config.getProperty("transaction.state.log.replication.factor"));
        assertEquals("1", config.getProperty("transaction.state.log.min.isr"));
        assertEquals("1", config.getProperty("min.insync.replicas"));
        assertEquals("0", config.getProperty("group.initial.rebalance.delay.ms"));
    }

    @Test
    void clusterPropertiesDescribeOneOfThreeNodesOfAStaticQuorum() throws IOException {
        KafkaBroker.Cluster cluster = new KafkaBroker.Cluster(2, List.of(29092, 29094, 29096), List.of(29093, 29095, 29097),
                "cluster-id");
        Properties config = new Properties();
        config.load(new StringReader(KafkaBroker.clusterProperties(Path.of("/state/kafka-2/data"), cluster)));

        assertEquals("2", config.getProperty("node.id"));
        assertEquals("broker,controller", config.getProperty("process.roles"));
        assertEquals("1@127.0.0.1:29093,2@127.0.0.1:29095,3@127.0.0.1:29097", config.getProperty("controller.quorum.voters"));
        assertFalse(config.containsKey("controller.quorum.bootstrap.servers"));
        assertEquals("PLAINTEXT://127.0.0.1:29094,CONTROLLER://127.0.0.1:29095", config.getProperty("listeners"));
        assertEquals("3", config.getProperty("default.replication.factor"));
        assertEquals("2", config.getProperty("min.insync.replicas"));
        assertEquals("3", config.getProperty("offsets.topic.replication.factor"));
        assertEquals("3", config.getProperty("transaction.state.log.replication.factor"));
        assertEquals("2", config.getProperty("transaction.state.log.min.isr"));
        assertEquals("false", config.getProperty("auto.create.topics.enable"));
        assertEquals("127.0.0.1:29092,127.0.0.1:29094,127.0.0.1:29096", cluster.bootstrapServers());
    }

    @Test
    void log4jConfigurationWritesToStandardOutput() throws IOException {
        Properties config = new Properties();
        config.load(new StringReader(KafkaBroker.log4j2Properties()));

        assertEquals("Console", config.getProperty("appender.out.type"));
        assertEquals("SYSTEM_OUT", config.getProperty("appender.out.target"));
        assertEquals("out", config.getProperty("rootLogger.appenderRef.out.ref"));
        assertTrue(config.getProperty("appender.out.layout.pattern").contains("%m"));
    }
}
