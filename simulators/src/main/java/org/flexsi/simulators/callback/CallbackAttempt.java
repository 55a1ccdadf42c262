package org.flexsi.simulators.callback;

import java.time.Instant;
import org.flexsi.simulators.Party;

/**
 * What happened to one callback attempt, kept so tests can assert on deliveries the receiver never saw
 * (dropped, injected failures). {@code reference} is the merchantOrderId or recordId the callback is about.
 */
public record CallbackAttempt(Party party, String reference, String url, int attempt, Outcome outcome,
        Integer httpStatus, Instant at) {

    public enum Outcome {
        /** The receiver answered 2xx: delivery is over. */
        DELIVERED,
        /** The receiver answered something else; a retry follows unless attempts are used up. */
        REFUSED,
        /** The receiver could not be reached or timed out. */
        UNREACHABLE,
        /** Not sent because of a fail-callbacks fault; counted as a failed attempt. */
        INJECTED_FAILURE,
        /** Not sent at all because of a drop-callbacks fault; no retry. */
        DROPPED,
        /** The last attempt failed and the simulator stopped trying. */
        GAVE_UP
    }
}
