package org.flexsi.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flexsi.platform.problem.ProblemException;

/**
 * Who is calling, from the bearer token: the subject (a person id for contributors), the roles, and for an agency
 * the configured agency it is bound to ({@link AgencyBinding}). Resources build it with {@code Caller.of(identity)}
 * and pass it to the application service; the rules about what a caller may reach live there.
 */
public record Caller(String subject, Set<String> roles, AgencyIdentity agencyIdentity) {
    /** When a token carries several roles, the first of these is the one it acts in (for history and audit). */
    private static final List<String> PRECEDENCE =
            List.of(Roles.OPS, Roles.AGENCY, Roles.BANK, Roles.PROXY, Roles.CONTRIBUTOR, Roles.AUDITOR);

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()),
                identity.getAttribute(AgencyBinding.ATTRIBUTE));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The role this caller acts in. */
    public String role() {
        return PRECEDENCE.stream().filter(this::is).findFirst().orElse("none");
    }

    /** The agency of an agency caller (operations act for no agency). */
    public Optional<AgencyIdentity> agency() {
        return is(Roles.OPS) ? Optional.empty() : Optional.ofNullable(agencyIdentity);
    }

    /** Operations, or an agency: callers who act on persons other than themselves. */
    public boolean backOffice() {
        return is(Roles.OPS) || agency().isPresent();
    }

    /** Whether this back-office caller reaches persons of {@code region}: operations everywhere, an agency its own. */
    public boolean reaches(String region) {
        return is(Roles.OPS) || agency().map(a -> a.serves(region)).orElse(false);
    }

    /** An agency may act only in the regions it serves; operations everywhere. Others are checked by ownership. */
    public void requireRegion(String region) {
        if (agency().isPresent() && !reaches(region)) {
            throw ProblemException.forbidden("agency " + agencyIdentity.id() + " does not serve region " + region);
        }
    }
}
