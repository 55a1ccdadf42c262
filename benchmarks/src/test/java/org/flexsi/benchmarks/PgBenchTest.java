package org.flexsi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PgBenchTest {
    @Test
    void readsTheTpsWithoutConnectionTime() {
        String output = """
                pgbench (15.20 (Debian 15.20-0+deb12u1))
                transaction type: <builtin: TPC-B (sort of)>
                number of clients: 4
                latency average = 6.250 ms
                initial connection time = 12.004 ms
                tps = 640.012345 (without initial connection time)
                """;
        assertEquals(640.012345, PgBench.tps(output).getAsDouble());
    }

    @Test
    void olderOutputWithTwoTpsLinesTakesTheOneWithoutConnections() {
        String output = "tps = 500.1 (including connections establishing)\ntps = 512.7 (without initial connection time)\n";
        assertEquals(512.7, PgBench.tps(output).getAsDouble());
    }

    @Test
    void noTpsLineIsEmpty() {
        assertTrue(PgBench.tps("connection to server failed").isEmpty());
    }
}
