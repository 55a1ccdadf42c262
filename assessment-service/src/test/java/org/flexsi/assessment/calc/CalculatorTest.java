package org.flexsi.assessment.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.flexsi.assessment.catalogue.Catalogue;
import org.flexsi.assessment.catalogue.Insurance;
import org.flexsi.assessment.catalogue.SeedCatalogues;
import org.flexsi.contracts.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DOMAIN.md test vectors, computed from the seed catalogues as Flyway loads them. */
class CalculatorTest {
    private static final Catalogue WEIFANG = SeedCatalogues.of("370700");
    private static final Catalogue JINAN = SeedCatalogues.of("370100");
    private static final Catalogue JIANGXI = SeedCatalogues.of("360000");
    private static final List<YearMonth> WEIFANG_YEAR = year(2023);

    /** All 16 rows of seeds/004: base, medical rate, pension, medical, injury per year, annual total, monthly. */
    @ParameterizedTest(name = "Weifang {0} at {1}")
    @CsvSource({
            "3980, 0.06, 9552.00, 2865.60, 429.84, 13045.44, 1087.12",
            "4378, 0.06, 10507.20, 3152.16, 472.82, 14330.18, 1194.18",
            "6633, 0.06, 15919.20, 4775.76, 716.36, 21609.32, 1800.78",
            "19899, 0.06, 47757.60, 14327.28, 2149.09, 64431.97, 5369.33",
            "3980, 0.07, 9552.00, 3343.20, 429.84, 13523.04, 1126.92",
            "4378, 0.07, 10507.20, 3677.52, 472.82, 14855.54, 1237.96",
            "6633, 0.07, 15919.20, 5571.72, 716.36, 22405.28, 1867.11",
            "19899, 0.07, 47757.60, 16715.16, 2149.09, 66819.85, 5568.32",
            "3980, 0.09, 9552.00, 4298.40, 429.84, 14478.24, 1206.52",
            "4378, 0.09, 10507.20, 4728.24, 472.82, 15906.26, 1325.52",
            "6633, 0.09, 15919.20, 7163.64, 716.36, 23997.20, 1999.77",
            "19899, 0.09, 47757.60, 21490.92, 2149.09, 71595.61, 5966.30",
            "3980, 0.10, 9552.00, 4776.00, 429.84, 14955.84, 1246.32",
            "4378, 0.10, 10507.20, 5253.60, 472.82, 16431.62, 1369.30",
            "6633, 0.10, 15919.20, 7959.60, 716.36, 24793.16, 2066.10",
            "19899, 0.10, 47757.60, 23878.80, 2149.09, 73983.49, 6165.29"})
    void weifangAnnualStandardReproducesToTheFen(String base, String rate, String pension, String medical, String injury,
            String annual, String monthly) {
        Calculation year = Calculator.calculate(WEIFANG, WEIFANG_YEAR, weifangChoices(rate), new BigDecimal(base));

        assertEquals(pension, amount(year, Insurance.PENSION));
        assertEquals(medical, amount(year, Insurance.MEDICAL));
        assertEquals(injury, amount(year, Insurance.WORK_INJURY));
        assertEquals("150.00", amount(year, Insurance.SERIOUS_ILLNESS));
        assertEquals("48.00", amount(year, Insurance.LONG_TERM_CARE));
        assertEquals(annual, Money.text(year.totalFen()));
        assertEquals(monthly, Money.text(Money.divideHalfUp(year.totalFen(), 12)), "seed: monthly = annual total / 12");

        Calculation oneMonth = Calculator.calculate(WEIFANG, List.of(YearMonth.of(2023, 3)), weifangChoices(rate), new BigDecimal(base));
        assertEquals(monthly, Money.text(oneMonth.totalFen()), "a single month costs the seed's monthly amount");
    }

    @Test
    void jinanMedicalWithPersonalAccountIs337_14PerMonth() {
        Calculation c = Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 5)),
                List.of(new Choice(Insurance.MEDICAL, null, null, null, "WITH_ACCOUNT")), null);
        assertEquals(1, c.lines().size());
        assertEquals("337.14", Money.text(c.totalFen()));
        assertEquals(new BigDecimal("3746.00"), c.lines().get(0).base());
        assertNull(c.lines().get(0).part());
    }

    @Test
    void jinanPooledOnlyIs205_30PerMonthInThreeItems() {
        Calculation c = Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 5)),
                List.of(new Choice(Insurance.MEDICAL, null, null, null, "POOLED_ONLY")), null);
        assertEquals("205.30", Money.text(c.totalFen()));
        assertEquals(List.of("UNIT", "PERSONAL", "MUTUAL_AID"), c.lines().stream().map(Line::part).toList());
        assertEquals("18.00", Money.text(c.lines().get(2).amountFen()));
        assertNull(c.lines().get(2).base(), "the mutual-aid fee is a fixed amount, not a rate on the base");
        assertEquals("187.30", Money.text(c.lines().get(0).amountFen() + c.lines().get(1).amountFen()), "5 % of 3746");
    }

    @Test
    void jinanRatePicksThePlanToo() {
        Calculation c = Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 5)),
                List.of(new Choice(Insurance.MEDICAL, null, null, new BigDecimal("0.05"), null)), null);
        assertEquals("205.30", Money.text(c.totalFen()));
    }

    @ParameterizedTest(name = "Jiangxi grade {0} -> {1}")
    @CsvSource({"EPIDEMIC, 568.00", "60, 605.00", "70, 706.00", "80, 806.00", "90, 907.00", "100, 1008.00",
            "150, 1512.00", "200, 2016.00", "250, 2520.00", "300, 3024.00"})
    void jiangxiPensionGradesAreWholeYuan(String grade, String monthly) {
        Calculation one = Calculator.calculate(JIANGXI, List.of(YearMonth.of(2020, 4)),
                List.of(new Choice(Insurance.PENSION, grade, null, null, null)), null);
        assertEquals(monthly, Money.text(one.totalFen()));
        Calculation quarter = Calculator.calculate(JIANGXI, List.of(YearMonth.of(2020, 4), YearMonth.of(2020, 5), YearMonth.of(2020, 6)),
                List.of(new Choice(Insurance.PENSION, grade, null, null, null)), null);
        assertEquals(one.totalFen() * 3, quarter.totalFen(), "rounded per month, then times the months (R8)");
    }

    @Test
    void issueExampleWeifangAllItemsTwelveMonths() {
        Calculation c = Calculator.calculate(WEIFANG, WEIFANG_YEAR, weifangChoices("0.06"), new BigDecimal("3980.00"));
        assertEquals(List.of("9552.00", "2865.60", "429.84", "150.00", "48.00"),
                c.lines().stream().map(l -> Money.text(l.amountFen())).toList());
        assertEquals("13045.44", Money.text(c.totalFen()));
    }

    @Test
    void aBaseOutsideFloorAndCeilingNamesR7() {
        RuleViolation low = assertThrows(RuleViolation.class, () -> Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 1)),
                List.of(new Choice(Insurance.PENSION, null, new BigDecimal("3745.99"), null, null)), null));
        assertEquals("R7", low.rule());
        assertTrue(low.getMessage().contains("3746.00..18726.00"), low.getMessage());
        RuleViolation high = assertThrows(RuleViolation.class, () -> Calculator.calculate(WEIFANG, List.of(YearMonth.of(2023, 1)),
                List.of(Choice.of(Insurance.PENSION)), new BigDecimal("19899.01")));
        assertEquals("R7", high.rule());
    }

    @Test
    void aGradeNotOfferedAndAFixedBaseChangedAreRefused() {
        assertEquals("R7", assertThrows(RuleViolation.class, () -> Calculator.calculate(JIANGXI, List.of(YearMonth.of(2020, 1)),
                List.of(new Choice(Insurance.PENSION, "350", null, null, null)), null)).rule());
        assertEquals("R9", assertThrows(RuleViolation.class, () -> Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 1)),
                List.of(new Choice(Insurance.MEDICAL, null, new BigDecimal("5000"), null, "WITH_ACCOUNT")), null)).rule());
        assertEquals("R9", assertThrows(RuleViolation.class, () -> Calculator.calculate(WEIFANG, List.of(YearMonth.of(2023, 1)),
                List.of(new Choice(Insurance.MEDICAL, null, null, new BigDecimal("0.08"), null)), new BigDecimal("3980"))).rule());
        assertEquals("R9", assertThrows(RuleViolation.class, () -> Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 1)),
                List.of(Choice.of(Insurance.MEDICAL)), null)).rule(), "two plans: the contributor must choose");
    }

    @Test
    void monthsOutsideTheCatalogueAndInsurancesNotOfferedAreRefused() {
        assertEquals("catalogue-months", assertThrows(RuleViolation.class, () -> Calculator.calculate(WEIFANG,
                List.of(YearMonth.of(2024, 1)), List.of(Choice.of(Insurance.PENSION)), new BigDecimal("3980"))).rule());
        assertEquals("catalogue-insurance", assertThrows(RuleViolation.class, () -> Calculator.calculate(JIANGXI,
                List.of(YearMonth.of(2020, 1)), List.of(Choice.of(Insurance.LONG_TERM_CARE)), null)).rule());
    }

    @Test
    void jinanPricesDeferred2022MonthsUnderItsDeferralPolicy() {
        assertTrue(JINAN.prices(YearMonth.of(2022, 12)));
        assertTrue(!JINAN.prices(YearMonth.of(2021, 12)));
    }

    /** Properties over random choices: total = sum of lines, month order irrelevant, amounts never negative. */
    @Test
    void totalIsTheSumOfLinesOrderDoesNotMatterAndNothingIsNegative() {
        Random random = new Random(20231);
        String[] rates = {"0.06", "0.07", "0.09", "0.10"};
        for (int i = 0; i < 500; i++) {
            BigDecimal base = BigDecimal.valueOf(398_000 + random.nextInt(1_989_900 - 398_000 + 1), 2);
            List<YearMonth> months = new ArrayList<>(WEIFANG_YEAR.subList(0, 1 + random.nextInt(12)));
            List<Choice> choices = weifangChoices(rates[random.nextInt(rates.length)]);
            Calculation sorted = Calculator.calculate(WEIFANG, months, choices, base);
            Collections.shuffle(months, random);
            Calculation shuffled = Calculator.calculate(WEIFANG, Months.distinctSorted(Months.format(months)), choices, base);
            assertEquals(sorted.totalFen(), shuffled.totalFen());
            assertEquals(sorted.totalFen(), sorted.lines().stream().mapToLong(Line::amountFen).sum());
            assertTrue(sorted.lines().stream().allMatch(l -> l.amountFen() >= 0));
        }
    }

    @Test
    void aMonthListedTwiceIsRefused() {
        assertEquals("months-distinct", assertThrows(RuleViolation.class,
                () -> Months.distinctSorted(List.of("2023-01", "2023-02", "2023-01"))).rule());
    }

    @Test
    void anInsuranceChosenTwiceIsRefusedRatherThanChargedTwice() {
        RuleViolation twice = assertThrows(RuleViolation.class, () -> Calculator.calculate(WEIFANG, List.of(YearMonth.of(2023, 1)),
                List.of(Choice.of(Insurance.PENSION), Choice.of(Insurance.PENSION)), new BigDecimal("3980")));
        assertEquals("insurance-once", twice.rule());
        assertTrue(twice.getMessage().contains("PENSION is chosen twice"), twice.getMessage());
    }

    @Test
    void refusalsNameWhatIsOffered() {
        RuleViolation notOffered = assertThrows(RuleViolation.class, () -> Calculator.calculate(JIANGXI,
                List.of(YearMonth.of(2020, 1)), List.of(Choice.of(Insurance.LONG_TERM_CARE)), null));
        assertTrue(notOffered.getMessage().contains("does not offer LONG_TERM_CARE; it offers PENSION"), notOffered.getMessage());
        RuleViolation noPlan = assertThrows(RuleViolation.class, () -> Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 1)),
                List.of(Choice.of(Insurance.MEDICAL)), null));
        assertTrue(noPlan.getMessage().contains("WITH_ACCOUNT (0.09)") && noPlan.getMessage().contains("POOLED_ONLY (0.05)"),
                noPlan.getMessage());
        RuleViolation noGrade = assertThrows(RuleViolation.class, () -> Calculator.calculate(JIANGXI, List.of(YearMonth.of(2020, 1)),
                List.of(new Choice(Insurance.PENSION, null, new BigDecimal("1234.00"), null, null)), null));
        assertEquals("R7", noGrade.rule());
        assertTrue(noGrade.getMessage().contains("60 (" + gradeBase("60").toPlainString() + ")"), noGrade.getMessage());
    }

    @Test
    void aPlanWithItsOwnRateIsTakenAndWithAnotherRefused() {
        Calculation pooled = Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 5)),
                List.of(new Choice(Insurance.MEDICAL, null, null, new BigDecimal("0.050"), "POOLED_ONLY")), null);
        assertEquals("205.30", Money.text(pooled.totalFen()));
        RuleViolation other = assertThrows(RuleViolation.class, () -> Calculator.calculate(JINAN, List.of(YearMonth.of(2022, 5)),
                List.of(new Choice(Insurance.MEDICAL, null, null, new BigDecimal("0.09"), "POOLED_ONLY")), null));
        assertTrue(other.getMessage().contains("plan POOLED_ONLY has rate 0.05, not 0.09"), other.getMessage());
    }

    @Test
    void aGradedBaseMayBeGivenAsTheGradesBaseOrByDefault() {
        BigDecimal base = gradeBase("60");
        long byGrade = Calculator.calculate(JIANGXI, List.of(YearMonth.of(2020, 4)),
                List.of(new Choice(Insurance.PENSION, "60", null, null, null)), null).totalFen();
        assertEquals(byGrade, Calculator.calculate(JIANGXI, List.of(YearMonth.of(2020, 4)),
                List.of(new Choice(Insurance.PENSION, null, base, null, null)), null).totalFen());
        assertEquals(byGrade, Calculator.calculate(JIANGXI, List.of(YearMonth.of(2020, 4)),
                List.of(Choice.of(Insurance.PENSION)), base).totalFen());
    }

    private static BigDecimal gradeBase(String grade) {
        return JIANGXI.standard(Insurance.PENSION).orElseThrow().base().grades().stream()
                .filter(g -> g.code().equals(grade)).findFirst().orElseThrow().base();
    }

    static List<Choice> weifangChoices(String medicalRate) {
        return List.of(Choice.of(Insurance.PENSION), new Choice(Insurance.MEDICAL, null, null, new BigDecimal(medicalRate), null),
                Choice.of(Insurance.WORK_INJURY), Choice.of(Insurance.SERIOUS_ILLNESS), Choice.of(Insurance.LONG_TERM_CARE));
    }

    private static String amount(Calculation c, Insurance insurance) {
        return Money.text(c.lines().stream().filter(l -> l.insurance() == insurance).mapToLong(Line::amountFen).sum());
    }

    static List<YearMonth> year(int year) {
        return IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m)).toList();
    }
}
