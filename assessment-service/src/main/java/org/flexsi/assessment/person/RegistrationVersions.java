package org.flexsi.assessment.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;

/**
 * Read-your-writes across the registration topic (issue 16): a client that has just changed a registration names the
 * version registration answered, and is told to retry until this service has consumed it, instead of being priced on the
 * terms from before the change.
 */
@ApplicationScoped
public class RegistrationVersions {
    /** The problem slug a client retries on. */
    public static final String NOT_YET_SEEN = "registration-not-yet-seen";
    /** Seconds a client waits before asking again: the consumer usually catches up well within a second. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final PersonRepository persons;

    public RegistrationVersions(PersonRepository persons) {
        this.persons = persons;
    }

    /** 409 with {@code Retry-After} while the person's registration version {@code expected} has not been consumed yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void require(String personId, Long expected) {
        if (expected == null) {
            return;
        }
        long seen = persons.registrationVersion(personId);
        if (seen < expected) {
            throw new ProblemException(Problem.of(409, NOT_YET_SEEN, "Registration change not yet seen",
                    "registration version " + expected + " of person " + personId + " has not reached assessment yet (seen: "
                            + seen + "); retry after " + RETRY_AFTER_SECONDS + " s")
                    .with("expectedRegistrationVersion", expected).with("seenRegistrationVersion", seen)
                    .with("retryAfter", RETRY_AFTER_SECONDS));
        }
    }
}
