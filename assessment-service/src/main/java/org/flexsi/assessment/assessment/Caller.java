package org.flexsi.assessment.assessment;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.flexsi.assessment.config.Roles;

/** Who calls: the token's subject and roles. */
public record Caller(String subject, Set<String> roles) {
    public static Caller of(JsonWebToken token) {
        return new Caller(token.getSubject(), token.getGroups());
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Agencies and operations act for anyone; a contributor for himself; a proxy for the persons on his list. */
    public boolean official() {
        return is(Roles.AGENCY) || is(Roles.OPS);
    }
}
