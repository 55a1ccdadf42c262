package org.flexsi.simulators.fault;

import java.util.Arrays;
import java.util.Optional;

public enum FaultMode {
    /** The party's signed endpoints answer 503. */
    DOWN("down"),
    /** The party's signed endpoints answer only after a delay. */
    SLOW("slow"),
    /** Callbacks are never sent: the state changed, the notification is lost. Counted per callback. */
    DROP_CALLBACKS("drop-callbacks"),
    /** Each callback's first attempt waits for the delay (a notifier running late). Counted per callback. */
    DELAY_CALLBACKS("delay-callbacks"),
    /** Callback attempts are counted as failed without sending, then retried. Counted per attempt. */
    FAIL_CALLBACKS("fail-callbacks"),
    /** Callbacks are signed with a wrong key. Counted per attempt. */
    BAD_SIGNATURE("bad-signature"),
    /** Each callback is delivered ten times over, as a provider whose notifier misfires. Counted per callback. */
    DUPLICATE_CALLBACKS("duplicate-callbacks"),
    /** After a successful payment's callback, a FAILED one for the same order follows (out of order). Counted per payment. */
    FAILED_AFTER_SUCCESS("failed-after-success"),
    /** The agency rejects the records of the given persons. Counted per rejected record. */
    REJECT_PERSONS("reject-persons");

    private final String id;

    FaultMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<FaultMode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
