package org.flexsi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void wrongValuesAreRefused() {
        StackOptions.Builder builder = StackOptions.builder(Path.of("/repo"));

        assertThrows(IllegalArgumentException.class, () -> builder.databasePrefix("x\"; DROP"));
        assertThrows(IllegalArgumentException.class, () -> builder.services(Set.of("billing")));
        assertThrows(IllegalArgumentException.class, () -> builder.build().port("kafka"));
    }
}
