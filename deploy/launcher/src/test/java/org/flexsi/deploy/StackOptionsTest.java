package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackOptionsTest {
    @Test
    void defaults() {
        StackOptions options = StackOptions.builder(Path.of("/repo")).build();

        assertEquals(Path.of("/repo/deploy/.run"), options.stateDir());
        assertEquals(8081, options.port("registration"));
        assertEquals(8085, options.port("rights-sync"));
        assertEquals(8090, options.port("simulators"));
        assertEquals(9092, options.kafkaPort());
        assertEquals(9093, options.kafkaControllerPort());
        assertEquals("flexsi_rights_sync", options.databaseName("rights-sync"));
        assertEquals(StackOptions.SERVICES, options.services());
        assertEquals(8086, options.port(StackOptions.CONSOLE), "the ops console follows the five services");
        assertEquals(true, options.console());
        assertEquals(false, options.tieredJit(), "C1 only unless asked: seven JVMs start on a developer's few cores");
        assertEquals(true, StackOptions.builder(Path.of("/repo")).tieredJit(true).build().tieredJit());
    }

    @Test
    void portsPrefixAndSelectionCanBeChanged() {
        StackOptions options = StackOptions.builder(Path.of("/repo")).servicePortBase(18081).simulatorsPort(18090)
                .databasePrefix("it_").services(Set.of("payment", "registration")).build();

        assertEquals(18083, options.port("payment"));
        assertEquals(18090, options.port("simulators"));
        assertEquals(18086, options.port(StackOptions.CONSOLE));
        assertEquals(false, StackOptions.builder(Path.of("/repo")).console(false).build().console());
        assertEquals("it_payment", options.databaseName("payment"));
        assertEquals(List.of("registration", "payment"), options.services(), "in start order");
    }

    @Test
    void oneBrokerAndOneInstanceByDefault() {
        StackOptions options = StackOptions.builder(Path.of("/repo")).build();

        assertEquals(1, options.brokers());
        assertEquals(1, options.instances());
        assertFalse(options.scaledOut());
        assertEquals(8083, options.instancePort("payment", 1), "a single instance listens on the usual port");
    }

    @Test
    void aClusterGivesEachInstanceAndBrokerItsOwnPorts() {
        StackOptions options = StackOptions.builder(Path.of("/repo")).servicePortBase(28081).kafkaPorts(29092, 29093)
                .brokers(3).instances(2).build();

        assertTrue(options.scaledOut());
        assertEquals(28083, options.port("payment"), "the proxy keeps the usual port");
        assertEquals(28183, options.instancePort("payment", 1));
        assertEquals(28283, options.instancePort("payment", 2));
        assertEquals(28285, options.instancePort("rights-sync", 2));
        assertEquals(List.of(29092, 29094, 29096), List.of(options.kafkaPort(1), options.kafkaPort(2), options.kafkaPort(3)));
        assertEquals(List.of(29093, 29095, 29097),
                List.of(options.kafkaControllerPort(1), options.kafkaControllerPort(2), options.kafkaControllerPort(3)));
        assertThrows(IllegalArgumentException.class, () -> options.instancePort("payment", 3));
    }

    @Test
    void wrongValuesAreRefused() {
        StackOptions.Builder builder = StackOptions.builder(Path.of("/repo"));

        assertThrows(IllegalArgumentException.class, () -> builder.databasePrefix("x\"; DROP"));
        assertThrows(IllegalArgumentException.class, () -> builder.services(Set.of("billing")));
        assertThrows(IllegalArgumentException.class, () -> builder.build().port("kafka"));
        assertThrows(IllegalArgumentException.class, () -> builder.brokers(2), "a quorum of two survives no loss");
        assertThrows(IllegalArgumentException.class, () -> builder.instances(0));
        assertThrows(IllegalArgumentException.class, () -> builder.instances(10));
    }
}
