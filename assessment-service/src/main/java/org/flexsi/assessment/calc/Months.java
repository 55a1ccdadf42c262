package org.flexsi.assessment.calc;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Contribution months in and out of their "YYYY-MM" form. */
public final class Months {
    private Months() {
    }

    /** Sorted months; the order a client lists them in changes nothing, a month listed twice is refused. */
    public static List<YearMonth> distinctSorted(Collection<String> months) {
        TreeSet<YearMonth> sorted = new TreeSet<>();
        for (String m : months) {
            if (!sorted.add(YearMonth.parse(m))) {
                throw new RuleViolation("months-distinct", m + " is listed twice");
            }
        }
        return new ArrayList<>(sorted);
    }

    public static List<String> format(List<YearMonth> months) {
        List<String> out = new ArrayList<>(months.size());
        for (YearMonth m : months) {
            out.add(m.toString());
        }
        return out;
    }
}
