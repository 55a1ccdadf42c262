package org.flexsi.simulators.fault;

import java.util.concurrent.atomic.AtomicInteger;

/** A fault as currently in force: what was injected and how many uses are left (null = unlimited). */
public record ActiveFault(Fault fault, Integer remaining) {

    /** The mutable counterpart kept by {@link Faults}; uses are taken with CAS so concurrent requests never overdraw. */
    static final class Slot {
        private final Fault fault;
        private final AtomicInteger remaining;

        Slot(Fault fault) {
            this.fault = fault;
            this.remaining = fault.count() == null ? null : new AtomicInteger(fault.count());
        }

        Fault fault() {
            return fault;
        }

        boolean tryUse() {
            if (remaining == null) {
                return true;
            }
            while (true) {
                int left = remaining.get();
                if (left <= 0) {
                    return false;
                }
                if (remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }

        boolean exhausted() {
            return remaining != null && remaining.get() <= 0;
        }

        ActiveFault snapshot() {
            return new ActiveFault(fault, remaining == null ? null : remaining.get());
        }
    }
}
