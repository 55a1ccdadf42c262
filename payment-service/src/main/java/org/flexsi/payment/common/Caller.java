package org.flexsi.payment.common;

import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Who is calling, from the bearer token: the subject (a person id for contributors and proxies) and the role. */
public record Caller(String id, String role) {
    public static final String CONTRIBUTOR = "contributor";
    public static final String PROXY = "proxy";
    public static final String OPS = "ops";
    public static final String BANK = "bank";
    public static final String AGENCY = "agency";
    private static final List<String> ROLES = List.of(OPS, CONTRIBUTOR, PROXY, BANK, AGENCY);

    public static Caller of(SecurityContext security) {
        String role = ROLES.stream().filter(security::isUserInRole).findFirst().orElse("");
        return new Caller(security.getUserPrincipal().getName(), role);
    }

    public boolean is(String role) {
        return this.role.equals(role);
    }
}
