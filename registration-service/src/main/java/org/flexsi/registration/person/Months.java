package org.flexsi.registration.person;

import java.time.YearMonth;

/** Months travel as {@code YYYY-MM}; agencies' forms also write {@code YYYYMM} (R3), which is accepted. */
public final class Months {
    public static final String PATTERN = "[0-9]{4}-?(0[1-9]|1[0-2])";

    private Months() {
    }

    public static YearMonth parse(String text) {
        String month = text.length() == 6 ? text.substring(0, 4) + "-" + text.substring(4) : text;
        return YearMonth.parse(month);
    }
}
