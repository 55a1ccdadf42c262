package org.flexsi.assessment.calc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.flexsi.assessment.catalogue.Deferral;
import org.flexsi.assessment.catalogue.PaymentWindow;
import org.flexsi.assessment.catalogue.WindowRule;

/** The payable window of a region on a given day (R12 Hubei, R13 Jinan, R14 Jiangxi); pure. */
public final class PayableWindow {
    private PayableWindow() {
    }

    public static WindowCheck check(PaymentWindow window, List<YearMonth> months, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        YearMonth from = YearMonth.of(today.getYear(), window.yearStartMonth());
        if (from.isAfter(current)) {
            from = from.minusYears(1);
        }
        YearMonth to = window.rule() == WindowRule.YEAR_TO_DATE ? current : from.plusMonths(11);
        for (YearMonth month : months) {
            if (month.isAfter(to)) {
                String why = window.rule() == WindowRule.YEAR_TO_DATE
                        ? month + " is a future month; months up to the current month " + current + " can be paid"
                        : month + " is after the current contribution year " + from + ".." + to;
                return new WindowCheck(false, window.ruleRef(), why, from, to);
            }
            if (month.isBefore(from) && !deferred(window, month, today)) {
                return new WindowCheck(false, window.ruleRef(), month + " is before the payable window " + from + ".." + to
                        + ": " + closedReason(window.rule()), from, to);
            }
        }
        return new WindowCheck(true, null, null, from, to);
    }

    /** Whether a deferral policy keeps {@code month} payable on {@code today}. */
    public static boolean deferred(PaymentWindow window, YearMonth month, LocalDate today) {
        for (Deferral d : window.deferralsOrEmpty()) {
            if (d.year() == month.getYear() && !today.isAfter(d.payableUntil())) {
                return true;
            }
        }
        return false;
    }

    private static String closedReason(WindowRule rule) {
        return switch (rule) {
            case SOCIAL_INSURANCE_YEAR -> "months of a closed social-insurance year can no longer be paid";
            case YEAR_TO_DATE -> "earlier years can only be paid under a deferral policy";
            case CALENDAR_YEAR -> "prior-year months are back-paid on an agency assessment";
        };
    }
}
