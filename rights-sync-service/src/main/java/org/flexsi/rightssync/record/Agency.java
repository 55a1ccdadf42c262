package org.flexsi.rightssync.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The two agencies that own rights: the social security agency (pension) and the medical insurance agency. */
public enum Agency {
    PENSION("pension"),
    MEDICAL("medical");

    /**
     * Who books which insurance: work injury is run by the social security agency with pension;
     * serious-illness insurance, long-term care and maternity by the medical insurance agency (R10).
     */
    private static final Map<String, Agency> OWNERS = Map.of(
            "PENSION", PENSION,
            "WORK_INJURY", PENSION,
            "MEDICAL", MEDICAL,
            "MATERNITY", MEDICAL,
            "SERIOUS_ILLNESS", MEDICAL,
            "LONG_TERM_CARE", MEDICAL);

    private final String id;

    Agency(String id) {
        this.id = id;
    }

    /** The name in URLs and signature key ids. */
    public String id() {
        return id;
    }

    public static Optional<Agency> owning(String insurance) {
        return Optional.ofNullable(OWNERS.get(insurance));
    }

    /** Accepts {@code pension} as well as {@code PENSION}. */
    public static Optional<Agency> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(upper)).findFirst();
    }
}
