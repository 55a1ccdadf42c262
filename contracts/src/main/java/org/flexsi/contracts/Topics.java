package org.flexsi.contracts;

import java.util.List;

/** The Kafka topics of flexsi; each is written by exactly one service. */
public final class Topics {
    public static final String REGISTRATION = "flexsi.registration";
    public static final String ASSESSMENT = "flexsi.assessment";
    public static final String PAYMENT = "flexsi.payment";
    public static final String CERTIFICATE = "flexsi.certificate";
    public static final String RIGHTS = "flexsi.rights";
    /** Compacted, keyed by year: the working-day calendar that operations publish. */
    public static final String CALENDAR = "flexsi.calendar";

    public static final List<String> ALL = List.of(REGISTRATION, ASSESSMENT, PAYMENT, CERTIFICATE, RIGHTS, CALENDAR);

    private Topics() {
    }

    /** Where a consumer parks a record it can never process, with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
