package org.flexsi.assessment.config;

/** The token roles of flexsi (platform README, security). */
public final class Roles {
    public static final String CONTRIBUTOR = "contributor";
    public static final String PROXY = "proxy";
    public static final String BANK = "bank";
    public static final String AGENCY = "agency";
    public static final String OPS = "ops";

    private Roles() {
    }
}
