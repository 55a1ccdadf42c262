package org.flexsi.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations in nanoseconds from many threads; percentiles by nearest rank. */
final class Samples {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    void addAll(Samples other) {
        synchronized (other.nanos) {
            nanos.addAll(other.nanos);
        }
    }

    int count() {
        return nanos.size();
    }

    /** The p-th percentile (0 &lt; p ≤ 100) in milliseconds, NaN without samples. */
    double percentileMillis(double p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1) / 1e6;
    }

    /** "p50 12.3 ms  p99 45.6 ms (n=100)" */
    String describe() {
        if (count() == 0) {
            return "no samples";
        }
        return String.format("p50 %s  p99 %s  (n=%d)", millis(percentileMillis(50)), millis(percentileMillis(99)), count());
    }

    static String millis(double ms) {
        return ms >= 1000 ? String.format("%.2f s", ms / 1000) : String.format("%.1f ms", ms);
    }
}
