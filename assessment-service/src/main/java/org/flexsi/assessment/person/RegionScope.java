package org.flexsi.assessment.person;

import java.util.List;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;

/**
 * Which assessments concern a back-office caller (issue 17): operations all, an agency those of the regions it serves
 * ({@link AgencyIdentity#serves}: Jiangxi's provincial agency 360000 serves a person of Nanchang 360102) and those made
 * under an enclosing region's catalogue for its persons. Callers that are no agency are not confined here
 * (contributors and proxies are checked by ownership).
 */
public final class RegionScope {
    private RegionScope() {
    }

    /** Whether the caller may act on a person of {@code region}. */
    public static boolean reaches(Caller caller, String region) {
        return caller.agency().map(agency -> serves(agency, region)).orElse(true);
    }

    /**
     * Whether an assessment made in {@code region} concerns the caller's regions: the region is served, or it encloses a
     * served one (a provincial catalogue's assessment of a person in a city the agency serves). Wuhan's agency does not
     * see Weifang's assessments, nor Jinan's agency Weifang's.
     */
    public static boolean concerns(Caller caller, String region) {
        return caller.agency().map(agency -> serves(agency, region)
                || agency.regions().stream().anyMatch(served -> valid(served) && enclosing(served).contains(region)))
                .orElse(true);
    }

    /** An agency may touch an assessment only where {@link #concerns} holds. */
    public static void requireConcerned(Caller caller, String region) {
        caller.agency().ifPresent(agency -> {
            if (!concerns(caller, region)) {
                throw ProblemException.forbidden("agency " + agency.id() + " does not serve region " + region);
            }
        });
    }

    static boolean serves(AgencyIdentity agency, String region) {
        return valid(region) && agency.serves(region);
    }

    /** The region, its city and its province: 420106 -> 420106, 420100, 420000. */
    static List<String> enclosing(String region) {
        return List.of(region, region.substring(0, 4) + "00", region.substring(0, 2) + "0000");
    }

    private static boolean valid(String region) {
        return region != null && region.matches("[0-9]{6}");
    }
}
