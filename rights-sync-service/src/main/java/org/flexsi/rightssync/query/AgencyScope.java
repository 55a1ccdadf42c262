package org.flexsi.rightssync.query;

import java.util.Optional;
import java.util.Set;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.rightssync.record.Agency;
import org.flexsi.rightssync.record.SyncRecord;

/**
 * The rights records an agency reaches: those of its own kind (a pension agency the social security agency's records,
 * a medical agency the medical insurance agency's) in the regions it serves. Operations reach every record, so for
 * them there is no scope. A tax agency books no rights (R24 sends rights to the pension and medical systems only).
 */
public record AgencyScope(String agencyId, Agency agency, Set<String> regions) {

    /** Empty for operations; the agency's scope for an agency; 403 for any other caller. */
    public static Optional<AgencyScope> of(Caller caller) {
        if (caller.is(Roles.OPS)) {
            return Optional.empty();
        }
        AgencyIdentity identity = caller.agency()
                .orElseThrow(() -> ProblemException.forbidden("only operations and agencies see rights records"));
        Agency agency = switch (identity.kind()) {
            case PENSION -> Agency.PENSION;
            case MEDICAL -> Agency.MEDICAL;
            case TAX -> throw ProblemException.forbidden("agency " + identity.id()
                    + " is a tax agency: rights records go to the pension and medical agencies only");
        };
        return Optional.of(new AgencyScope(identity.id(), agency, Set.copyOf(identity.regions())));
    }

    /** 403 unless the records of {@code wanted} are this agency's own. */
    public void requireAgency(Agency wanted) {
        if (wanted != agency) {
            throw ProblemException.forbidden("agency " + agencyId + " is a " + agency.id() + " agency and sees only "
                    + agency.id() + " records, not " + wanted.id() + " records");
        }
    }

    public boolean covers(SyncRecord record) {
        return record.agency == agency && regions.contains(record.region);
    }
}
