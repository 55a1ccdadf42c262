package org.flexsi.assessment.calc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.flexsi.assessment.catalogue.Insurance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R12-R14 payment periods of self-service assessments, one row per case: region, insurance, months, first insured, verdict. */
class PaymentPeriodsTest {
    @ParameterizedTest(name = "{0} {1} {2} (insured from {3}): {4}")
    @CsvSource(delimiter = '|', value = {
            // Hubei / Wuhan (R12): social-insurance year July-June; a month, a quarter, a half-year or the year
            "420100 | PENSION | 2023-05                                         | 2022-07 | ok",
            "420100 | PENSION | 2023-04 2023-05 2023-06                         | 2022-07 | ok",
            "420100 | PENSION | 2022-07 2022-08 2022-09                         | 2022-07 | ok",
            "420100 | PENSION | 2022-10 2022-11 2022-12                         | 2022-07 | ok",
            "420100 | PENSION | 2023-01 2023-02 2023-03 2023-04 2023-05 2023-06 | 2022-07 | ok",
            "420100 | PENSION | 2022-07 2022-08 2022-09 2022-10 2022-11 2022-12 | 2022-07 | ok",
            "420100 | PENSION | 2022-07 2022-08 2022-09 2022-10 2022-11 2022-12 2023-01 2023-02 2023-03 2023-04 2023-05 2023-06 | 2022-07 | ok",
            "420100 | PENSION | 2023-05 2023-06                                 | 2022-07 | R12",
            "420100 | PENSION | 2022-08 2022-09 2022-10                         | 2022-07 | R12", // three months, not a quarter
            "420100 | PENSION | 2022-10 2022-11 2022-12 2023-01 2023-02 2023-03 | 2022-07 | R12", // six months, not a half
            "420100 | PENSION | 2022-07 2022-09 2022-10                         | 2022-07 | R12",
            "420100 | PENSION | 2023-06 2023-07                                 | 2022-07 | R12", // crosses 30 June
            "420000 | PENSION | 2023-01 2023-02 2023-03                         | 2022-07 | ok",
            // enrolled in August: the first quarter, half and year begin with August
            "420100 | PENSION | 2022-08 2022-09                                 | 2022-08 | ok",
            "420100 | PENSION | 2022-08 2022-09 2022-10 2022-11 2022-12         | 2022-08 | ok",
            "420100 | PENSION | 2022-08 2022-09 2022-10 2022-11 2022-12 2023-01 2023-02 2023-03 2023-04 2023-05 2023-06 | 2022-08 | ok",
            "420100 | PENSION | 2022-09 2022-10                                 | 2022-08 | R12",
            // Jiangxi (R14): pension from a chosen start to a chosen end month within the year, medical the year
            "360000 | PENSION | 2020-01 2020-02 2020-03                         | 2020-01 | ok",
            "360000 | PENSION | 2020-02 2020-03 2020-04 2020-05                 | 2020-01 | ok",
            "360000 | PENSION | 2020-07                                         | 2020-01 | ok",
            "360000 | PENSION | 2020-01 2020-03                                 | 2020-01 | R14",
            "360000 | PENSION | 2020-12 2021-01                                 | 2020-01 | R14",
            "360000 | MEDICAL | 2020-01 2020-02 2020-03 2020-04 2020-05 2020-06 2020-07 2020-08 2020-09 2020-10 2020-11 2020-12 | 2019-05 | ok",
            "360000 | MEDICAL | 2020-04 2020-05 2020-06 2020-07 2020-08 2020-09 2020-10 2020-11 2020-12 | 2020-04 | ok",
            "360000 | MEDICAL | 2020-01 2020-02 2020-03                         | 2019-05 | R14",
            "360000 | MEDICAL | 2020-05 2020-06 2020-07 2020-08 2020-09 2020-10 2020-11 2020-12 | 2020-04 | R14",
            // Jinan (R13): any month or months of this year, gaps allowed (the window is the rule)
            "370100 | PENSION | 2022-01 2022-03 2022-05                         | 2022-01 | ok",
            "370100 | MEDICAL | 2022-02                                         | 2022-01 | ok",
            "370100 | PENSION | 2022-11 2022-12 2023-01                         | 2022-01 | ok",
            // Weifang and silent seeds: an unbroken run within the contribution year, named by the window rule
            "370700 | PENSION | 2023-01 2023-02 2023-03                         | 2023-01 | ok",
            "370700 | MEDICAL | 2023-05                                         | 2023-01 | ok",
            "370700 | PENSION | 2023-01 2023-03                                 | 2023-01 | R13",
            "370700 | PENSION | 2023-12 2024-01                                 | 2023-01 | R13",
    })
    void selfServicePaysTheRegionsPeriods(String region, Insurance insurance, String months, String firstInsured, String verdict) {
        List<YearMonth> list = Arrays.stream(months.trim().split("\\s+")).map(YearMonth::parse).toList();
        int yearStart = region.startsWith("42") ? 7 : 1;
        String windowRule = region.startsWith("42") ? "R12" : region.startsWith("36") ? "R14" : "R13";
        YearMonth first = YearMonth.parse(firstInsured);
        if ("ok".equals(verdict)) {
            assertDoesNotThrow(() -> PaymentPeriods.check(region, insurance, list, yearStart, first, windowRule));
        } else {
            RuleViolation refused = assertThrows(RuleViolation.class,
                    () -> PaymentPeriods.check(region, insurance, list, yearStart, first, windowRule));
            assertEquals(verdict, refused.rule());
        }
    }

    @Test
    void refusalsSayWhatThePeriodWouldBe() {
        RuleViolation crossing = assertThrows(RuleViolation.class, () -> PaymentPeriods.check("420100", Insurance.PENSION,
                List.of(YearMonth.of(2023, 6), YearMonth.of(2023, 7)), 7, YearMonth.of(2022, 7), "R12"));
        assertTrue(crossing.getMessage().contains("crosses the end of the contribution year 2022-07..2023-06"), crossing.getMessage());
        RuleViolation lateStart = assertThrows(RuleViolation.class, () -> PaymentPeriods.check("360000", Insurance.MEDICAL,
                List.of(YearMonth.of(2020, 5)), 1, YearMonth.of(2020, 4), "R14"));
        assertTrue(lateStart.getMessage().contains("for the whole year: 2020-04..2020-12"), lateStart.getMessage());
        RuleViolation earlyStart = assertThrows(RuleViolation.class, () -> PaymentPeriods.check("360000", Insurance.MEDICAL,
                List.of(YearMonth.of(2020, 5)), 1, YearMonth.of(2019, 5), "R14"));
        assertTrue(earlyStart.getMessage().contains("for the whole year: 2020-01..2020-12"), earlyStart.getMessage());
        RuleViolation unknownStart = assertThrows(RuleViolation.class, () -> PaymentPeriods.check("360000", Insurance.MEDICAL,
                List.of(YearMonth.of(2020, 5)), 1, null, "R14"));
        assertTrue(unknownStart.getMessage().contains("for the whole year: 2020-01..2020-12"), unknownStart.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"2023-06, 7, 2022-07", "2023-07, 7, 2023-07", "2022-12, 7, 2022-07", "2020-05, 1, 2020-01"})
    void theContributionYearHoldingAMonth(String month, int startMonth, String yearStart) {
        assertEquals(YearMonth.parse(yearStart), PaymentPeriods.contributionYearStart(YearMonth.parse(month), startMonth));
    }
}
