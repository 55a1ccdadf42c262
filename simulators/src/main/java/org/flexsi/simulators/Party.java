package org.flexsi.simulators;

import java.util.Arrays;
import java.util.Optional;

/** An outside party of flexsi that the simulators play. Each one has its own shared signing secret. */
public enum Party {
    WECHAT("wechat", Kind.PROVIDER),
    ALIPAY("alipay", Kind.PROVIDER),
    UNIONPAY("unionpay", Kind.PROVIDER),
    PENSION("pension", Kind.AGENCY),
    MEDICAL("medical", Kind.AGENCY);

    public enum Kind { PROVIDER, AGENCY }

    private final String id;
    private final Kind kind;

    Party(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** The name used in URLs, fault targets and as X-Flexsi-Key-Id of the party's callbacks. */
    public String id() {
        return id;
    }

    public boolean isProvider() {
        return kind == Kind.PROVIDER;
    }

    public boolean isAgency() {
        return kind == Kind.AGENCY;
    }

    public static Optional<Party> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static Optional<Party> byId(String id, Kind kind) {
        return byId(id).filter(p -> p.kind == kind);
    }
}
