package org.flexsi.registration.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flexsi.registration.coverage.MedicalCoverage.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R17 month by month. Enrolled from 2026-01; every month is paid in its own month except a gap whose months
 * are all paid together, late, in the payment month. Expected: C covered, A arrears, W waiting, N not enrolled.
 */
class MedicalCoverageTest {
    private static final YearMonth START = YearMonth.of(2026, 1);
    private static final List<Period> ALWAYS = List.of(new Period(START, null));

    @ParameterizedTest(name = "gap {0}..{1} paid in {2}: {3}")
    @CsvSource({
            // 1 month (March) paid in May: stops from April, back the month after the payment (June)
            "2026-03, 2026-03, 2026-05, C C C N N C C C",
            // 3 months (March-May) paid in June: stops from April, back in July, no waiting period
            "2026-03, 2026-05, 2026-06, C C C N N N C C",
            // 4 months (March-June) paid in July: waiting period July, August, September; back in October
            "2026-03, 2026-06, 2026-07, C C C N N N N N N C",
            // 6 months (March-August) paid in September: waiting September to November
            "2026-03, 2026-08, 2026-09, C C C N N N N N N N N C",
            // paid late but within the same interruption length of 1: paid in April, back in May
            "2026-03, 2026-03, 2026-04, C C C N C C",
    })
    void benefitsStopAfterAnInterruptionAndResumeAfterPayment(String gapFrom, String gapTo, String paidIn, String expected) {
        Map<YearMonth, YearMonth> paid = new HashMap<>();
        YearMonth from = YearMonth.parse(gapFrom);
        YearMonth to = YearMonth.parse(gapTo);
        YearMonth payment = YearMonth.parse(paidIn);
        String[] want = expected.split(" ");
        YearMonth last = START.plusMonths(want.length - 1);
        for (YearMonth m = START; !m.isAfter(last); m = m.plusMonths(1)) {
            boolean inGap = !m.isBefore(from) && !m.isAfter(to);
            paid.put(m, inGap ? payment : m);
        }
        for (int i = 0; i < want.length; i++) {
            YearMonth month = START.plusMonths(i);
            MedicalCoverage.Answer answer = MedicalCoverage.of(month, ALWAYS, paid);
            assertEquals(want[i].equals("C"), answer.covered(), month + ": " + answer);
        }
    }

    @Test
    void unpaidMonthsAreArrearsUntilPaid() {
        Map<YearMonth, YearMonth> paid = new HashMap<>(Map.of(START, START, START.plusMonths(1), START.plusMonths(1)));
        MedicalCoverage.Answer march = MedicalCoverage.of(YearMonth.of(2026, 3), ALWAYS, paid);
        assertEquals(CoverageStatus.COVERED, march.status(), "March itself is being paid in March");
        MedicalCoverage.Answer april = MedicalCoverage.of(YearMonth.of(2026, 4), ALWAYS, paid);
        assertEquals(CoverageStatus.ARREARS, april.status());
        assertEquals(List.of(YearMonth.of(2026, 3)), april.arrears());
    }

    @Test
    void theWaitingPeriodSaysWhenBenefitsResume() {
        Map<YearMonth, YearMonth> paid = new HashMap<>();
        for (YearMonth m = START; m.isBefore(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
            boolean gap = m.getMonthValue() >= 3 && m.getMonthValue() <= 7;
            paid.put(m, gap ? YearMonth.of(2026, 8) : m);
        }
        MedicalCoverage.Answer september = MedicalCoverage.of(YearMonth.of(2026, 9), ALWAYS, paid);
        assertEquals(CoverageStatus.WAITING, september.status());
        assertEquals(YearMonth.of(2026, 11), september.coveredFrom());
        assertEquals(CoverageStatus.COVERED, MedicalCoverage.of(YearMonth.of(2026, 11), ALWAYS, paid).status());
    }

    @Test
    void monthsOutsideTheEnrolmentAreNotCoveredAndCountAsInterruption() {
        // enrolled January-February, interrupted March-June (4 months, nothing owed), continued from July
        List<Period> periods = List.of(new Period(START, YearMonth.of(2026, 2)), new Period(YearMonth.of(2026, 7), null));
        Map<YearMonth, YearMonth> paid = new HashMap<>();
        paid.put(START, START);
        paid.put(YearMonth.of(2026, 2), YearMonth.of(2026, 2));
        assertEquals(CoverageStatus.NOT_ENROLLED, MedicalCoverage.of(YearMonth.of(2025, 12), periods, paid).status());
        assertEquals(CoverageStatus.NOT_ENROLLED, MedicalCoverage.of(YearMonth.of(2026, 4), periods, paid).status());
        assertEquals(CoverageStatus.WAITING, MedicalCoverage.of(YearMonth.of(2026, 7), periods, paid).status(),
                "July is not paid yet: nothing is known about the resumption");
        paid.put(YearMonth.of(2026, 7), YearMonth.of(2026, 7));
        paid.put(YearMonth.of(2026, 8), YearMonth.of(2026, 8));
        paid.put(YearMonth.of(2026, 9), YearMonth.of(2026, 9));
        MedicalCoverage.Answer july = MedicalCoverage.of(YearMonth.of(2026, 7), periods, paid);
        assertEquals(CoverageStatus.WAITING, july.status());
        assertEquals(YearMonth.of(2026, 10), july.coveredFrom(), "over 3 months: July, August, September wait");
        assertEquals(CoverageStatus.COVERED, MedicalCoverage.of(YearMonth.of(2026, 10), periods, paid).status());
    }
}
