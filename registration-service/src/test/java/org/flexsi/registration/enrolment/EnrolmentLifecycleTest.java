package org.flexsi.registration.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.region.Terms;
import org.junit.jupiter.api.Test;

class EnrolmentLifecycleTest {
    private static final YearMonth JAN = YearMonth.of(2026, 1);

    private static Enrolment medical() {
        return Enrolment.start(UUID.randomUUID(), Insurance.MEDICAL, JAN, Terms.of(null, "3980", "0.06", null));
    }

    @Test
    void interruptThenContinueThenSuspend() {
        Enrolment e = medical();
        e.interrupt(YearMonth.of(2026, 4));
        assertEquals(EnrolmentStatus.INTERRUPTED, e.status);
        assertEquals("2026-04", e.lastCoveredMonth);

        e.continueFrom(YearMonth.of(2026, 8), e.terms());
        assertEquals(EnrolmentStatus.ACTIVE, e.status);
        assertEquals("2026-08", e.activeFrom);
        assertEquals("2026-01", e.firstMonth);
        assertNull(e.lastCoveredMonth);

        e.suspend(LocalDate.of(2026, 11, 15), "insured through an employer");
        assertEquals(EnrolmentStatus.SUSPENDED, e.status);
        assertEquals("2026-10", e.lastCoveredMonth);
        assertEquals("insured through an employer", e.suspensionReason);

        e.continueFrom(YearMonth.of(2027, 2), e.terms());
        assertEquals(EnrolmentStatus.ACTIVE, e.status);
        assertNull(e.suspensionReason);
    }

    @Test
    void illegalTransitionsAreConflictsAndChangeNothing() {
        Enrolment active = medical();
        ProblemException e = assertThrows(ProblemException.class, () -> active.continueFrom(YearMonth.of(2026, 3), active.terms()));
        assertEquals(409, e.problem().status());
        assertEquals(EnrolmentStatus.ACTIVE, active.status);

        active.interrupt(YearMonth.of(2026, 2));
        assertEquals(409, assertThrows(ProblemException.class, () -> active.interrupt(YearMonth.of(2026, 3))).problem().status());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> active.checkRateChange(YearMonth.of(2026, 3), Terms.of(null, null, "0.09", null))).problem().status());
        assertEquals("2026-02", active.lastCoveredMonth);

        active.suspend(LocalDate.of(2026, 5, 1), "moved away");
        assertEquals("2026-02", active.lastCoveredMonth, "an interrupted enrolment stays uncovered from where it stopped");
        assertEquals(409, assertThrows(ProblemException.class,
                () -> active.suspend(LocalDate.of(2026, 6, 1), "again")).problem().status());
    }

    @Test
    void monthsThatContradictTheEnrolmentAreRuleViolations() {
        Enrolment e = medical();
        assertEquals(422, assertThrows(ProblemException.class, () -> e.interrupt(YearMonth.of(2025, 11))).problem().status());
        e.interrupt(YearMonth.of(2026, 5));
        assertEquals(422, assertThrows(ProblemException.class,
                () -> e.continueFrom(YearMonth.of(2026, 5), e.terms())).problem().status());
        assertEquals(EnrolmentStatus.INTERRUPTED, e.status);
    }

    @Test
    void aMedicalRateChangeIsCheckedWithoutChangingTheOldEnrolment() {
        Enrolment e = medical();
        e.checkRateChange(YearMonth.of(2026, 7), Terms.of(null, "3980", "0.09", null));
        assertEquals("0.06", e.terms().rateText(), "the old enrolment keeps its rate: R5 enrols anew at the new one");
        assertEquals("2026-01", e.activeFrom);
        assertEquals(EnrolmentStatus.ACTIVE, e.status);

        ProblemException same = assertThrows(ProblemException.class,
                () -> e.checkRateChange(YearMonth.of(2026, 9), Terms.of(null, "3980", "0.060", null)));
        assertEquals("R5", same.problem().extensions().get("rule"));
        ProblemException early = assertThrows(ProblemException.class,
                () -> e.checkRateChange(YearMonth.of(2025, 12), Terms.of(null, "3980", "0.10", null)));
        assertEquals(422, early.problem().status());
    }

    @Test
    void onlyMedicalHasARateChange() {
        Enrolment pension = Enrolment.start(UUID.randomUUID(), Insurance.PENSION, JAN, Terms.of("60", null, null, null));
        assertEquals(422, assertThrows(ProblemException.class,
                () -> pension.checkRateChange(YearMonth.of(2026, 3), Terms.of(null, null, "0.09", null))).problem().status());
    }
}
