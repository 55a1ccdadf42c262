package org.flexsi.registration.person;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;

/** Who makes a change, for the history: the token subject and the role it acted in. */
public record Actor(String subject, String role) {
    private static final List<String> ROLES = List.of("agency", "ops", "proxy", "contributor");

    public static Actor of(SecurityIdentity identity) {
        String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse("unknown");
        return new Actor(identity.getPrincipal().getName(), role);
    }
}
