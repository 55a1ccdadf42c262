package org.flexsi.payment.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.flexsi.contracts.events.LineItem;
import org.junit.jupiter.api.Test;

class RefundRulesTest {
    /** Weifang 2023, base 3980, medical 6 %, one month (DOMAIN.md vectors). */
    private static final List<LineItem> WEIFANG = List.of(
            new LineItem("PENSION", List.of("2026-11"), "3980.00", "0.20", "796.00", null),
            new LineItem("MEDICAL", List.of("2026-11"), "3980.00", "0.06", "238.80", null),
            new LineItem("WORK_INJURY", List.of("2026-11"), "3980.00", "0.009", "35.82", null));
    /** Jinan 2022 pooled-only medical on base 3746: 5 % (unit and personal parts) + 18 mutual aid = 205.30 (R9). */
    private static final List<LineItem> JINAN_POOLED = List.of(
            new LineItem("MEDICAL", List.of("2022-05"), "3746.00", "0.03", "112.38", "UNIT"),
            new LineItem("MEDICAL", List.of("2022-05"), "3746.00", "0.02", "74.92", "PERSONAL"),
            new LineItem("MEDICAL", List.of("2022-05"), null, null, "18.00", "MUTUAL_AID"));

    @Test
    void aWholeLineGoesToItsAgencyWithTheLinesMonthsAndBase() {
        RefundRules.Plan plan = RefundRules.plan(WEIFANG, List.of(), List.of(want("PENSION", null, "796.00")));
        assertEquals(Agency.PENSION, plan.agency());
        assertEquals(new BigDecimal("796.00"), plan.total());
        assertEquals("3980.00", plan.lines().get(0).base());
        assertEquals(List.of("2026-11"), plan.lines().get(0).months());
    }

    @Test
    void pensionAndWorkInjuryAreOneAgencyMedicalAnother() {
        assertEquals(Agency.PENSION, RefundRules.plan(WEIFANG, List.of(),
                List.of(want("PENSION", null, "1.00"), want("WORK_INJURY", null, "35.82"))).agency());
        assertEquals("one-agency-per-refund", refused(WEIFANG, List.of(),
                List.of(want("PENSION", null, "1.00"), want("MEDICAL", null, "1.00"))));
    }

    @Test
    void neverMoreThanWhatIsLeftOfTheLine() {
        List<LineItem> earlier = List.of(new LineItem("MEDICAL", List.of("2026-11"), "3980.00", "0.06", "200.00", null));
        assertEquals(new BigDecimal("38.80"), RefundRules.plan(WEIFANG, earlier, List.of(want("MEDICAL", null, "38.80"))).total());
        assertEquals("refund-exceeds-paid", refused(WEIFANG, earlier, List.of(want("MEDICAL", null, "38.81"))));
        assertEquals("refund-exceeds-paid", refused(WEIFANG, List.of(), List.of(want("PENSION", null, "796.01"))));
    }

    @Test
    void unknownDuplicateOrEmptyLinesAreRefused() {
        assertEquals("refund-line-unknown", refused(WEIFANG, List.of(), List.of(want("CARE", null, "4.00"))));
        assertEquals("refund-lines", refused(WEIFANG, List.of(), List.of(want("PENSION", null, "1.00"), want("PENSION", null, "2.00"))));
        assertEquals("refund-lines", refused(WEIFANG, List.of(), List.of()));
        assertEquals("refund-amount", refused(WEIFANG, List.of(), List.of(want("PENSION", null, "0.00"))));
    }

    @Test
    void theThreePartsOfJinansPooledMedicalGoBackTogether() {
        assertEquals("R9", refused(JINAN_POOLED, List.of(), List.of(want("MEDICAL", "UNIT", "112.38"))));
        RefundRules.Plan plan = RefundRules.plan(JINAN_POOLED, List.of(), List.of(want("MEDICAL", "UNIT", "112.38"),
                want("MEDICAL", "PERSONAL", "74.92"), want("MEDICAL", "MUTUAL_AID", "18.00")));
        assertEquals(new BigDecimal("205.30"), plan.total());
        assertEquals(Agency.MEDICAL, plan.agency());
    }

    @Test
    void earlierRefundsOfOtherLinesLeaveThisLineWhole() {
        List<LineItem> earlier = List.of(new LineItem("PENSION", List.of("2026-11"), "3980.00", "0.20", "796.00", null),
                new LineItem("MEDICAL", List.of("2022-05"), "3746.00", "0.03", "112.38", "UNIT"));
        assertEquals(new BigDecimal("238.80"), RefundRules.plan(WEIFANG, earlier, List.of(want("MEDICAL", null, "238.80"))).total());
    }

    @Test
    void theThreePartsOfJinansMedicalDoNotBindAPensionRefundOfTheSamePayment() {
        List<LineItem> jinan = new java.util.ArrayList<>(JINAN_POOLED);
        jinan.add(new LineItem("PENSION", List.of("2022-05"), "3746.00", "0.20", "749.20", null));
        RefundRules.Plan pension = RefundRules.plan(jinan, List.of(), List.of(want("PENSION", null, "749.20")));
        assertEquals(Agency.PENSION, pension.agency());
        assertEquals(new BigDecimal("749.20"), pension.total());
    }

    private static RefundRules.Requested want(String insurance, String part, String amount) {
        return new RefundRules.Requested(insurance, part, new BigDecimal(amount));
    }

    private static String refused(List<LineItem> paid, List<LineItem> claimed, List<RefundRules.Requested> requested) {
        return assertThrows(RefundRules.Refused.class, () -> RefundRules.plan(paid, claimed, requested)).rule();
    }
}
