package org.flexsi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackUsageTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aWindowIsWhatEachProcessCommitAndTopicAddedBetweenTwoReadings() {
        StackUsage.Reading start = new StackUsage.Reading(0,
                Map.of("payment", Map.of(10L, 500L), "postgres", Map.of(20L, 100L, 21L, 40L)),
                Map.of("flexsi_payment", 1000L), Map.of("flexsi.payment", 7L), 1000, 4000);
        // backend 21 ended within the window (its time is lost), backend 22 started within it (it counts from zero)
        StackUsage.Reading end = new StackUsage.Reading(2 * SECOND,
                Map.of("payment", Map.of(10L, 600L), "postgres", Map.of(20L, 130L, 22L, 5L), "simulators", Map.of(30L, 9L)),
                Map.of("flexsi_payment", 1040L), Map.of("flexsi.payment", 27L), 1300, 4400);

        StackUsage.Window window = StackUsage.between(start, end);

        assertEquals(2.0, window.seconds());
        double tick = 1000.0 / ticksPerSecond(window);
        assertEquals(100 * tick, window.cpuMillis().get("payment"), 1e-9);
        assertEquals(35 * tick, window.cpuMillis().get("postgres"), 1e-9);
        assertEquals(135 * tick, window.cpuMillis(Set.of("payment", "postgres")), 1e-9);
        assertEquals(144 * tick, window.allCpuMillis(), 1e-9);
        assertEquals(40, window.totalCommits());
        assertEquals(20, window.totalRecords());
        assertEquals(0.75, window.machineBusySeconds() / window.machineSeconds(), 1e-9);
    }

    /** The machine's clock ticks per second, as the window used them: 400 ticks of the machine are its seconds. */
    private static double ticksPerSecond(StackUsage.Window window) {
        return 400 / window.machineSeconds();
    }
}
