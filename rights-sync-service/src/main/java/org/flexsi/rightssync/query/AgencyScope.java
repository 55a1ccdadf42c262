package org.flexsi.rightssync.query;

import java.util.Optional;
import java.util.Set;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.rightssync.record.Agency;

/**
 * The rights records an agency reaches: those of its own kind (a pension agency the social security agency's records,
 * a medical agency the medical insurance agency's) in the regions it serves. Operations reach every record, so for
 * them there is no scope. A tax agency books no rights (R24 sends rights to the pension and medical systems only).
 * Regions nest as everywhere else ({@link AgencyIdentity#serves}): a province's agency reaches its cities' records, in
 * lists ({@link #regionCondition}) as in single-record checks ({@link #serves}).
 */
public record AgencyScope(AgencyIdentity identity, Agency agency) {
    /** The one parameter of {@link #regionCondition}, bound to {@link #regionPrefixes()}. */
    public static final String REGION_PARAMETER = "servedRegionPrefixes";

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
        return Optional.of(new AgencyScope(identity, agency));
    }

    /** 403 unless the records of {@code wanted} are this agency's own. */
    public void requireAgency(Agency wanted) {
        if (wanted != agency) {
            throw ProblemException.forbidden("agency " + identity.id() + " is a " + agency.id() + " agency and sees only "
                    + agency.id() + " records, not " + wanted.id() + " records");
        }
    }

    /** Whether a record of {@code region} is in this agency's regions (its kind aside). */
    public boolean serves(String region) {
        return identity.serves(region);
    }

    /**
     * A query condition (HQL or SQL) on the region code {@code column} that holds for the regions this agency serves:
     * its first 2, first 4 or all 6 digits are among {@link #regionPrefixes()}, as {@link #serves} decides.
     */
    public static String regionCondition(String column) {
        return "(substring(" + column + ", 1, 2) in (:" + REGION_PARAMETER + ") or substring(" + column + ", 1, 4) in (:"
                + REGION_PARAMETER + ") or " + column + " in (:" + REGION_PARAMETER + "))";
    }

    /** The value of {@link #REGION_PARAMETER}: prefixes of 2, 4 or 6 digits, so one never matches another length. */
    public Set<String> regionPrefixes() {
        return identity.regionPrefixes();
    }
}
