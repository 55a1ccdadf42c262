package org.flexsi.registration.coverage;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R17, medical is pay-first (Jinan): benefits stop from the month after an interruption, resume the month
 * after the arrears are paid, and an interruption longer than 3 months adds a 3-month waiting period that
 * includes the payment month. A month counts as interrupted when it was not paid by its own end; a month
 * itself is still covered while it is being paid.
 */
public final class MedicalCoverage {
    private static final int LONG_INTERRUPTION = 3;
    private static final int WAITING_MONTHS = 3;

    /** A span of enrolment, {@code end} inclusive and null while it runs. */
    public record Period(YearMonth start, YearMonth end) {
        boolean contains(YearMonth month) {
            return !month.isBefore(start) && (end == null || !month.isAfter(end));
        }
    }

    public record Answer(YearMonth month, CoverageStatus status, YearMonth coveredFrom, List<YearMonth> arrears, String reason) {
        public boolean covered() {
            return status == CoverageStatus.COVERED;
        }
    }

    private MedicalCoverage() {
    }

    /**
     * @param periods the medical enrolment periods, oldest first
     * @param paidIn  for each paid contribution month, the month the money came
     */
    public static Answer of(YearMonth month, List<Period> periods, Map<YearMonth, YearMonth> paidIn) {
        if (periods.isEmpty() || month.isBefore(periods.get(0).start())) {
            return new Answer(month, CoverageStatus.NOT_ENROLLED, null, List.of(), "not enrolled in medical insurance in " + month);
        }
        if (periods.stream().noneMatch(p -> p.contains(month))) {
            return new Answer(month, CoverageStatus.NOT_ENROLLED, null, List.of(),
                    "the medical enrolment is interrupted or suspended in " + month);
        }
        List<YearMonth> arrears = new ArrayList<>();
        List<YearMonth> resumptions = new ArrayList<>();
        YearMonth gapStart = null;
        for (YearMonth c = periods.get(0).start(); !c.isAfter(month); c = c.plusMonths(1)) {
            if (c.isBefore(month) && !onTime(c, paidIn)) {
                gapStart = gapStart == null ? c : gapStart;
                if (owed(c, periods) && !paidIn.containsKey(c)) {
                    arrears.add(c);
                }
            } else if (gapStart != null) {
                resumptions.add(resumption(gapStart, c.minusMonths(1), c, paidIn));
                gapStart = null;
            }
        }
        if (!arrears.isEmpty()) {
            return new Answer(month, CoverageStatus.ARREARS, null, arrears, "benefits stopped from "
                    + arrears.get(0).plusMonths(1) + "; they resume the month after the arrears are paid");
        }
        if (resumptions.contains(null)) {
            return new Answer(month, CoverageStatus.WAITING, null, List.of(),
                    "contributions resume this month; benefits resume the month after they are paid");
        }
        YearMonth resumes = resumptions.stream().max(YearMonth::compareTo).orElse(month);
        if (month.isBefore(resumes)) {
            return new Answer(month, CoverageStatus.WAITING, resumes, List.of(), "benefits resume in " + resumes
                    + " after the interruption");
        }
        return new Answer(month, CoverageStatus.COVERED, null, List.of(), "paid up");
    }

    /**
     * The first covered month after the gap {@code [from, to]}, which {@code next} (paid on time, or the
     * month asked about) ends. Months of the gap outside the enrolment are never paid: the gap then closes
     * with the payment of {@code next}, unknown (null) while that is not paid.
     */
    private static YearMonth resumption(YearMonth from, YearMonth to, YearMonth next, Map<YearMonth, YearMonth> paidIn) {
        YearMonth paid = null;
        boolean unpaidMonths = false;
        for (YearMonth c = from; !c.isAfter(to); c = c.plusMonths(1)) {
            YearMonth in = paidIn.get(c);
            if (in == null) {
                unpaidMonths = true;
            } else if (paid == null || in.isAfter(paid)) {
                paid = in;
            }
        }
        if (unpaidMonths) {
            YearMonth nextPaid = paidIn.get(next);
            if (nextPaid == null) {
                return null;
            }
            paid = paid == null || nextPaid.isAfter(paid) ? nextPaid : paid;
        }
        long length = ChronoUnit.MONTHS.between(from, to) + 1;
        return length > LONG_INTERRUPTION ? paid.plusMonths(WAITING_MONTHS) : paid.plusMonths(1);
    }

    private static boolean onTime(YearMonth month, Map<YearMonth, YearMonth> paidIn) {
        YearMonth in = paidIn.get(month);
        return in != null && !in.isAfter(month);
    }

    private static boolean owed(YearMonth month, List<Period> periods) {
        return periods.stream().anyMatch(p -> p.contains(month));
    }
}
