package org.flexsi.rightssync.query;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.record.Agency;

/** An agency's token names the agency in its subject ({@code pension} or {@code medical}). */
public final class AgencyCaller {
    private AgencyCaller() {
    }

    /** The caller's agency, or null for ops. */
    public static Agency agencyOf(JsonWebToken token) {
        if (!token.getGroups().contains("agency") || token.getGroups().contains("ops")) {
            return null;
        }
        return Agency.parse(token.getSubject())
                .orElseThrow(() -> ProblemException.forbidden("an agency token must name the agency (pension or medical)"));
    }

    /** An agency may act only on its own records. */
    public static void requireOwn(JsonWebToken token, Agency agency) {
        Agency caller = agencyOf(token);
        if (caller != null && caller != agency) {
            throw ProblemException.forbidden("an agency sees only its own records");
        }
    }
}
