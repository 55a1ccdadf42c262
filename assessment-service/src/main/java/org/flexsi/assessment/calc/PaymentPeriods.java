package org.flexsi.assessment.calc;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.flexsi.assessment.catalogue.Insurance;

/**
 * The periods a contributor (or his proxy) may pay for in one self-service assessment, per region (R12, R13, R14; issue 16
 * item 8). Pure. Agency-made assessments and back-pay keep the agency's own periods and are not checked here.
 *
 * <p>The contribution year is the catalogue's: it starts in {@code yearStartMonth} (July in Hubei, January elsewhere). A
 * period never crosses it. Where a period would begin before the person's first insured month it begins there instead
 * (someone enrolled in August pays his first quarter as August and September, his first year from August).
 */
public final class PaymentPeriods {
    private PaymentPeriods() {
    }

    /** Throws the rule, named, when {@code months} (sorted, distinct) are not a period the region allows. */
    public static void check(String region, Insurance insurance, List<YearMonth> months, int yearStartMonth,
            YearMonth firstInsured, String windowRule) {
        YearMonth yearStart = contributionYearStart(months.get(0), yearStartMonth);
        YearMonth yearEnd = yearStart.plusMonths(11);
        String span = months.get(0) + ".." + months.get(months.size() - 1);
        if (region.startsWith("42")) {
            // R12, Hubei (seed 000, 【办理时限】: 按月、按季、按半年或按年 within the social-insurance year 1 July - 30 June).
            // Read as a tax office assesses it: one month; a calendar quarter (Jul-Sep, Oct-Dec, Jan-Mar, Apr-Jun); a half
            // of the social-insurance year (Jul-Dec or Jan-Jun); or the whole year Jul-Jun. Two loose months are two
            // monthly payments, not one period.
            inYear("R12", months, yearStart, yearEnd);
            if (months.size() == 1 || isPeriod(months, yearStart, 3, firstInsured) || isPeriod(months, yearStart, 6, firstInsured)
                    || isPeriod(months, yearStart, 12, firstInsured)) {
                return;
            }
            throw new RuleViolation("R12", span + " is not a period Hubei collects: pay one month, a quarter (e.g. "
                    + yearStart + ".." + yearStart.plusMonths(2) + "), a half-year (" + yearStart + ".." + yearStart.plusMonths(5)
                    + " or " + yearStart.plusMonths(6) + ".." + yearEnd + ") or the whole social-insurance year " + yearStart
                    + ".." + yearEnd);
        }
        if (region.startsWith("36")) {
            // R14, Jiangxi (seed 001): medical 按年 - the whole contribution year (from the first insured month if later).
            // Pension 按月、按季或按年, and the current-year path (本年缴费) lets the contributor choose the start and end
            // months: read together, any unbroken run of months from a chosen start to a chosen end within the year.
            inYear("R14", months, yearStart, yearEnd);
            if (insurance == Insurance.MEDICAL) {
                if (!isPeriod(months, yearStart, 12, firstInsured)) {
                    YearMonth from = firstInsured != null && firstInsured.isAfter(yearStart) ? firstInsured : yearStart;
                    throw new RuleViolation("R14", "Jiangxi medical insurance is paid for the whole year: " + from + ".." + yearEnd
                            + ", not " + span);
                }
                return;
            }
            consecutive("R14", months, "Jiangxi pension is paid from a chosen start month to a chosen end month");
            return;
        }
        if (region.startsWith("3701")) {
            // R13, Jinan (seed 002): 当年内一月至当月期间任意月份 - "某月或某几个月": any month or months of this year up to
            // the current month, gaps allowed; the payable window (and its deferrals) is the whole rule.
            return;
        }
        // Weifang (seed 004 lets the contributor choose 所属期) and regions whose seed is silent: an unbroken run of months
        // within one contribution year, named by the region's window rule.
        inYear(windowRule, months, yearStart, yearEnd);
        consecutive(windowRule, months, "months are paid as one unbroken period");
    }

    /** The first month of the contribution year that holds {@code month}. */
    static YearMonth contributionYearStart(YearMonth month, int yearStartMonth) {
        YearMonth start = YearMonth.of(month.getYear(), yearStartMonth);
        return start.isAfter(month) ? start.minusYears(1) : start;
    }

    private static void inYear(String rule, List<YearMonth> months, YearMonth yearStart, YearMonth yearEnd) {
        YearMonth last = months.get(months.size() - 1);
        if (last.isAfter(yearEnd)) {
            throw new RuleViolation(rule, months.get(0) + ".." + last + " crosses the end of the contribution year " + yearStart
                    + ".." + yearEnd + ": one assessment pays within one year");
        }
    }

    private static void consecutive(String rule, List<YearMonth> months, String what) {
        for (int i = 1; i < months.size(); i++) {
            if (!months.get(i).equals(months.get(i - 1).plusMonths(1))) {
                throw new RuleViolation(rule, what + "; " + months.get(i - 1).plusMonths(1) + " is missing between "
                        + months.get(0) + " and " + months.get(months.size() - 1));
            }
        }
    }

    /**
     * Whether {@code months} are exactly one of the year's periods of {@code length} months (counted from the year's
     * start), cut at the front by the first insured month.
     */
    private static boolean isPeriod(List<YearMonth> months, YearMonth yearStart, int length, YearMonth firstInsured) {
        for (YearMonth start = yearStart; start.isBefore(yearStart.plusMonths(12)); start = start.plusMonths(length)) {
            List<YearMonth> period = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                YearMonth m = start.plusMonths(i);
                if (firstInsured == null || !m.isBefore(firstInsured)) {
                    period.add(m);
                }
            }
            if (!period.isEmpty() && period.equals(months)) {
                return true;
            }
        }
        return false;
    }
}
