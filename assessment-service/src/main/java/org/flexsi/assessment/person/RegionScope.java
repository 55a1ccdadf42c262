package org.flexsi.assessment.person;

import java.util.List;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;

/**
 * Where a back-office caller may act (issue 17): operations everywhere, an agency only in the regions it serves. A region
 * is served through itself, its city or its province (GB/T 2260): Jiangxi's provincial pension agency (360000) serves a
 * person registered in Nanchang (360102), as the catalogue of a city falls back to its province's. Callers that are no
 * agency are not confined here (contributors and proxies are checked by ownership).
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

    /** An agency outside the person's {@code region} gets 403. */
    public static void require(Caller caller, String region) {
        caller.agency().ifPresent(agency -> {
            if (!serves(agency, region)) {
                throw ProblemException.forbidden("agency " + agency.id() + " does not serve region " + region);
            }
        });
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
        return valid(region) && enclosing(region).stream().anyMatch(agency::serves);
    }

    /** The region, its city and its province: 420106 -> 420106, 420100, 420000. */
    static List<String> enclosing(String region) {
        return List.of(region, region.substring(0, 4) + "00", region.substring(0, 2) + "0000");
    }

    private static boolean valid(String region) {
        return region != null && region.matches("[0-9]{6}");
    }
}
