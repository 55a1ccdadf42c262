package org.flexsi.certificate.access;

import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;

/**
 * What a caller may see of a payment (R22): a contributor his own payments and those he paid as a proxy, a proxy what he
 * paid, an agency the persons of the regions it serves, operations everything.
 */
public final class Reach {
    private Reach() {
    }

    /** Whether the caller paid for, or is, the person: how contributors and proxies reach a payment. */
    public static boolean own(Caller caller, String personId, String payerId) {
        return caller.subject().equals(personId) || caller.subject().equals(payerId);
    }

    /** Whether the caller may see something of {@code personId} in {@code region} paid by {@code payerId}. */
    public static boolean sees(Caller caller, String personId, String payerId, String region) {
        return caller.backOffice() ? caller.reaches(region) : own(caller, personId, payerId);
    }

    /**
     * Refuses what the caller may not see: another person's payment is unknown to a contributor or proxy (404, so its
     * existence is not revealed), a person outside an agency's regions is forbidden to the agency (403).
     */
    public static void require(Caller caller, String personId, String payerId, String region, String what) {
        if (!caller.backOffice() && !own(caller, personId, payerId)) {
            throw ProblemException.notFound("no " + what + " that you may see");
        }
        caller.requireRegion(region);
    }
}
