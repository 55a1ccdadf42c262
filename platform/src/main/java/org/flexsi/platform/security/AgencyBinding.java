package org.flexsi.platform.security;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Binds an agency token to one configured agency: the token's {@code agency} claim must name an agency of
 * {@link AgencyDirectory}. A token whose claim names none keeps its subject but loses the agency role, so every
 * agency operation refuses it (403); one that names an agency carries it as the identity attribute
 * {@link #ATTRIBUTE}, which {@link Caller} reads to confine the caller to the agency's regions.
 */
@ApplicationScoped
public class AgencyBinding implements SecurityIdentityAugmentor {
    public static final String CLAIM = "agency";
    public static final String ATTRIBUTE = "flexsi.agency";

    private final AgencyDirectory agencies;

    public AgencyBinding(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.AGENCY)) {
            return Uni.createFrom().item(identity);
        }
        String claimed = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(CLAIM) : null;
        Optional<AgencyIdentity> agency = agencies.find(claimed);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission);
        identity.getRoles().stream().filter(role -> agency.isPresent() || !role.equals(Roles.AGENCY)).forEach(builder::addRole);
        agency.ifPresentOrElse(found -> builder.addAttribute(ATTRIBUTE, found),
                () -> Log.warnf("agency token for %s names no configured agency (%s claim: %s): agency role withheld",
                        identity.getPrincipal().getName(), CLAIM, claimed));
        return Uni.createFrom().item(builder.build());
    }
}
