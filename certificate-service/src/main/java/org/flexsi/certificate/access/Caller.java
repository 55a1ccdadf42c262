package org.flexsi.certificate.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.flexsi.platform.problem.ProblemException;

/**
 * Who is asking and what he may see (R22): a contributor his own payments and those he paid as a proxy,
 * a proxy what he paid, an agency any person it names, operations everything.
 */
@RequestScoped
public class Caller {
    public enum Kind { CONTRIBUTOR, PROXY, AGENCY, OPS }

    @Inject
    SecurityIdentity identity;

    public Kind kind() {
        if (identity.hasRole("ops")) {
            return Kind.OPS;
        }
        if (identity.hasRole("agency")) {
            return Kind.AGENCY;
        }
        if (identity.hasRole("proxy")) {
            return Kind.PROXY;
        }
        if (identity.hasRole("contributor")) {
            return Kind.CONTRIBUTOR;
        }
        throw ProblemException.forbidden("your role may not see payment records");
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    public boolean backOffice() {
        Kind kind = kind();
        return kind == Kind.AGENCY || kind == Kind.OPS;
    }

    /** Whether the caller may see something of {@code personId} paid by {@code payerId}. */
    public boolean maySee(String personId, String payerId) {
        return backOffice() || subject().equals(personId) || subject().equals(payerId);
    }
}
