package org.flexsi.platform.security;

/** The roles a bearer token may carry ({@code groups} claim). One place for their names. */
public final class Roles {
    /** A person paying for himself; the token's subject is his person id. */
    public static final String CONTRIBUTOR = "contributor";
    /** Someone paying for persons who agreed to it (R21). */
    public static final String PROXY = "proxy";
    /** A bank channel (counter payments, batch debit). */
    public static final String BANK = "bank";
    /** A pension, medical or tax agency, bound to one configured agency by the {@code agency} claim. */
    public static final String AGENCY = "agency";
    /** flexsi's operations staff. */
    public static final String OPS = "ops";
    /** Reads and exports the access audit trail, nothing else. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
