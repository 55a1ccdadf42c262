package org.flexsi.payment.refund;

import java.util.Locale;
import java.util.Optional;

/** Who reviews a refund (R25): the pension agency (人社) for pension lines, the medical agency (医保) for the rest. */
public enum Agency {
    PENSION, MEDICAL;

    /** Pension and work injury belong to the social security agency; medical, serious illness and care to medical insurance. */
    public static Agency of(String insurance) {
        String name = insurance.toUpperCase(Locale.ROOT);
        return name.startsWith("PENSION") || name.startsWith("WORK_INJURY") || name.startsWith("INJURY") ? PENSION : MEDICAL;
    }

    public static Optional<Agency> byName(String name) {
        for (Agency agency : values()) {
            if (agency.name().equalsIgnoreCase(name)) {
                return Optional.of(agency);
            }
        }
        return Optional.empty();
    }
}
