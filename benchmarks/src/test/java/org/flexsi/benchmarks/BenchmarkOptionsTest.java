package org.flexsi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
    @Test
    void bothSpellingsAreReadAndTheRestKeepsItsDefault() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--persons", "50", "--max-seconds=12", "--half-rate", "2.5",
                "--state-dir", "/tmp/x", "--no-pgbench"));
        assertEquals(50, options.persons());
        assertEquals(Duration.ofSeconds(12), options.maxRun());
        assertEquals(2.5, options.halfRate().getAsDouble());
        assertEquals(Path.of("/tmp/x"), options.stateDir());
        assertFalse(options.pgbench());
        assertTrue(options.profile().isEmpty());
        assertEquals(Path.of("/tmp/jfr"), BenchmarkOptions.parse(List.of("--profile", "/tmp/jfr")).profile().orElseThrow());
        assertEquals(Duration.ofSeconds(30), options.halfRun());
        assertEquals(Duration.ofSeconds(30), options.warmup());
    }

    @Test
    void theWarmUpMayBeLeftOutButNotMadeNegative() {
        assertEquals(Duration.ZERO, BenchmarkOptions.parse(List.of("--warmup-seconds", "0")).warmup());
        assertMessage("--warmup-seconds must be at least 0", List.of("--warmup-seconds", "-5"));
        assertEquals(Duration.ofSeconds(60), BenchmarkOptions.parse(List.of()).idle());
        assertEquals(Duration.ZERO, BenchmarkOptions.parse(List.of("--idle-seconds", "0")).idle());
    }

    @Test
    void withoutOptionsTheHalfRateComesFromTheMeasuredMaximum() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of());
        assertTrue(options.halfRate().isEmpty());
        assertTrue(options.pgbench());
        assertEquals("flexsi_pgbench", options.pgbenchDatabase());
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertMessage("unknown option --persns", List.of("--persns", "5"));
        assertMessage("--persons must be at least 1", List.of("--persons", "0"));
        assertMessage("--concurrency is not a whole number", List.of("--concurrency", "many"));
        assertMessage("--half-rate must be a positive rate", List.of("--half-rate", "-1"));
        assertMessage("--max-seconds needs a value", List.of("--max-seconds"));
        assertMessage("--pgbench-db must be a plain", List.of("--pgbench-db", "x; drop database y"));
        assertMessage("--pgbench-threads may not exceed", List.of("--pgbench-clients", "2", "--pgbench-threads", "4"));
    }

    private static void assertMessage(String start, List<String> args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(args));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
