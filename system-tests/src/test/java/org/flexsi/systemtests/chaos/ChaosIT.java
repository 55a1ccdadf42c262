package org.flexsi.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault campaign in {@code ./mvnw verify}: the short list of faults over {@code flexsi.chaos.minutes} (3 by
 * default); {@code system-tests/chaos --minutes N [--brokers 3]} runs the whole list ({@code flexsi.chaos.full=true},
 * {@code flexsi.chaos.brokers}).
 */
class ChaosIT {
    @Test
    void paymentsKeepFlowingThroughTheFaultsAndNothingIsLostOrDoubled() {
        Path root = Path.of(System.getProperty("flexsi.project.root", "..")).toAbsolutePath().normalize();
        int minutes = Integer.getInteger("flexsi.chaos.minutes", 3);
        Campaign.Outcome outcome = Campaign.run(root, Boolean.getBoolean("flexsi.chaos.full"), minutes,
                Integer.getInteger("flexsi.chaos.brokers", 1));

        assertTrue(outcome.payments() > 0, outcome.summary());
        assertEquals(0, outcome.lost(), outcome.summary());
        assertEquals(0, outcome.doubled(), outcome.summary());
        assertEquals(List.of(), outcome.findings(), outcome.summary());
    }
}
