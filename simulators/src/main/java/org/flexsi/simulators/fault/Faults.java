package org.flexsi.simulators.fault;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.flexsi.simulators.Party;

/** The faults in force, shared by all parties. Faults stack: each one is used up on its own. */
public final class Faults {
    private final List<ActiveFault.Slot> slots = new CopyOnWriteArrayList<>();

    public void inject(Fault fault) {
        slots.add(new ActiveFault.Slot(fault));
    }

    public void clear() {
        slots.clear();
    }

    public List<ActiveFault> active() {
        return slots.stream().filter(s -> !s.exhausted()).map(ActiveFault.Slot::snapshot).toList();
    }

    /** Takes one use of a matching fault, if any is in force. */
    public Optional<Fault> use(Party party, FaultMode mode) {
        return use(party, mode, f -> true);
    }

    public Optional<Fault> use(Party party, FaultMode mode, Predicate<Fault> applies) {
        return use(party.id(), mode, applies);
    }

    /** Takes one use of a matching fault of the party or bank with this id. */
    public Optional<Fault> use(String targetId, FaultMode mode, Predicate<Fault> applies) {
        for (ActiveFault.Slot slot : slots) {
            Fault fault = slot.fault();
            if (fault.target().equals(targetId) && fault.mode() == mode && applies.test(fault) && slot.tryUse()) {
                if (slot.exhausted()) {
                    slots.remove(slot);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
