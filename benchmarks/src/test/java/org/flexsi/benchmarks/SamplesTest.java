package org.flexsi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void percentilesByNearestRankWhateverTheOrderOfArrival() {
        Samples samples = new Samples();
        for (int ms = 100; ms >= 1; ms--) {
            samples.add(ms * 1_000_000L);
        }
        assertEquals(50.0, samples.percentileMillis(50));
        assertEquals(99.0, samples.percentileMillis(99));
        assertEquals(100.0, samples.percentileMillis(100));
    }

    @Test
    void aSingleSlowCallIsThePercentileOfASmallRun() {
        Samples samples = new Samples();
        samples.add(2_000_000L);
        samples.add(900_000_000L);
        assertEquals(900.0, samples.percentileMillis(99));
        assertEquals(2.0, samples.percentileMillis(50));
    }

    @Test
    void noSamplesIsNotANumber() {
        assertTrue(Double.isNaN(new Samples().percentileMillis(99)));
        assertEquals("no samples", new Samples().describe());
    }

    @Test
    void runsCombine() {
        Samples a = new Samples();
        Samples b = new Samples();
        a.add(1_000_000L);
        b.add(3_000_000L);
        a.addAll(b);
        assertEquals(2, a.count());
        assertEquals(3.0, a.percentileMillis(99));
    }
}
