package org.flexsi.simulators.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.flexsi.simulators.Party;

/**
 * One injected misbehaviour of one party, named by its id: a {@link Party} id or a configured bank id
 * (banks only know down and slow). {@code count} limits how many requests, callbacks or
 * records it applies to (see {@link FaultMode}); null means until cleared.
 */
public record Fault(String target, FaultMode mode, Integer count, Duration delay, Set<String> persons) {
    private static final Duration MAX_DELAY = Duration.ofMinutes(2);

    public Fault {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        persons = persons == null ? Set.of() : Set.copyOf(persons);
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (mode == FaultMode.SLOW || mode == FaultMode.DELAY_CALLBACKS) {
            if (delay == null || delay.isZero() || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
                throw new IllegalArgumentException(mode.id() + " needs a delay between 1 ms and " + MAX_DELAY.toMillis()
                        + " ms");
            }
        } else if (delay != null) {
            throw new IllegalArgumentException("delay only applies to slow and delay-callbacks");
        }
        boolean bank = Party.byId(target).isEmpty();
        if (bank && mode != FaultMode.DOWN && mode != FaultMode.SLOW) {
            throw new IllegalArgumentException("a bank only knows the faults down and slow");
        }
        if (mode == FaultMode.REJECT_PERSONS) {
            if (Party.byId(target, Party.Kind.AGENCY).isEmpty()) {
                throw new IllegalArgumentException("reject-persons only applies to pension or medical");
            }
            if (persons.isEmpty()) {
                throw new IllegalArgumentException("reject-persons needs at least one person");
            }
        } else if (!persons.isEmpty()) {
            throw new IllegalArgumentException("persons only apply to reject-persons");
        }
    }

    public static Fault down(Party target) {
        return new Fault(target.id(), FaultMode.DOWN, null, null, null);
    }

    public static Fault slow(Party target, Duration delay) {
        return new Fault(target.id(), FaultMode.SLOW, null, delay, null);
    }

    public static Fault dropCallbacks(Party target) {
        return new Fault(target.id(), FaultMode.DROP_CALLBACKS, null, null, null);
    }

    public static Fault delayCallbacks(Party target, Duration delay) {
        return new Fault(target.id(), FaultMode.DELAY_CALLBACKS, null, delay, null);
    }

    public static Fault failCallbacks(Party target) {
        return new Fault(target.id(), FaultMode.FAIL_CALLBACKS, null, null, null);
    }

    public static Fault badSignature(Party target) {
        return new Fault(target.id(), FaultMode.BAD_SIGNATURE, null, null, null);
    }

    public static Fault duplicateCallbacks(Party target) {
        return new Fault(target.id(), FaultMode.DUPLICATE_CALLBACKS, null, null, null);
    }

    public static Fault failedAfterSuccess(Party target) {
        return new Fault(target.id(), FaultMode.FAILED_AFTER_SUCCESS, null, null, null);
    }

    public static Fault rejectPersons(Party agency, String... personIds) {
        return new Fault(agency.id(), FaultMode.REJECT_PERSONS, null, null, Set.of(personIds));
    }

    /** A bank (by its id, e.g. {@code icbc}) answering 503. */
    public static Fault bankDown(String bankId) {
        return new Fault(bankId, FaultMode.DOWN, null, null, null);
    }

    public static Fault bankSlow(String bankId, Duration delay) {
        return new Fault(bankId, FaultMode.SLOW, null, delay, null);
    }

    /** The same fault, applying only {@code n} times. */
    public Fault times(int n) {
        return new Fault(target, mode, n, delay, persons);
    }

    @Override
    public String toString() {
        return target + " " + mode.id() + (count == null ? "" : " x" + count)
                + (delay == null ? "" : " " + delay.toMillis() + "ms")
                + (persons.isEmpty() ? "" : " " + Arrays.toString(persons.toArray()));
    }
}
