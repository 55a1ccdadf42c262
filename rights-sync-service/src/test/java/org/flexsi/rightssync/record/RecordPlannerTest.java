package org.flexsi.rightssync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

class RecordPlannerTest {

    private static PaymentSucceeded payment(String id, LineItem... lines) {
        return new PaymentSucceeded(id, "AS-1", "p-1", "p-1", "370700", "WECHAT", null, null, List.of(lines), "0.00",
                Instant.parse("2026-03-02T02:00:00Z"));
    }

    @Test
    void weifangItemsGoToTheAgencyThatOwnsThem() {
        // Weifang 2023, base 3980, medical 6 %, one month (DOMAIN.md vector row 1, monthly share)
        List<PlannedRecord> records = RecordPlanner.forPayment(payment("pay-1",
                new LineItem("PENSION", List.of("2023-05"), "3980.00", "0.20", "796.00", null),
                new LineItem("MEDICAL", List.of("2023-05"), "3980.00", "0.06", "238.80", null),
                new LineItem("WORK_INJURY", List.of("2023-05"), "3980.00", "0.009", "35.82", null),
                new LineItem("SERIOUS_ILLNESS", List.of("2023-05"), null, null, "12.50", null),
                new LineItem("LONG_TERM_CARE", List.of("2023-05"), null, null, "4.00", null)));
        Map<String, Agency> owner = records.stream().collect(Collectors.toMap(PlannedRecord::insurance, PlannedRecord::agency));
        assertEquals(Map.of("PENSION", Agency.PENSION, "WORK_INJURY", Agency.PENSION, "MEDICAL", Agency.MEDICAL,
                "SERIOUS_ILLNESS", Agency.MEDICAL, "LONG_TERM_CARE", Agency.MEDICAL), owner);
        PlannedRecord care = records.stream().filter(r -> r.insurance().equals("LONG_TERM_CARE")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("4.00"), care.amount());
        assertEquals(new BigDecimal("3980.00"), care.base(), "a fixed fee is booked against the payment's base");
        BigDecimal total = records.stream().map(PlannedRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("1087.12"), total, "nothing lost or added in the split");
    }

    @Test
    void jinanPooledOnlyMedicalPartsTravelAsOneRecord() {
        // R9: 5 % of 3746 split into unit and personal parts plus the 18 yuan mutual-aid fee = 205.30
        List<PlannedRecord> records = RecordPlanner.forPayment(payment("pay-2",
                new LineItem("MEDICAL", List.of("2022-07"), "3746.00", "0.03", "112.38", "UNIT"),
                new LineItem("MEDICAL", List.of("2022-07"), "3746.00", "0.02", "74.92", "PERSONAL"),
                new LineItem("MEDICAL", List.of("2022-07"), null, null, "18.00", "MUTUAL_AID")));
        assertEquals(1, records.size());
        assertEquals(new BigDecimal("205.30"), records.get(0).amount());
        assertEquals(List.of("2022-07"), records.get(0).months());
    }

    @Test
    void monthsOfAnInsuranceAreMergedInOrder() {
        List<PlannedRecord> records = RecordPlanner.forPayment(payment("pay-3",
                new LineItem("PENSION", List.of("2026-03", "2026-01"), "4000.00", "0.20", "1600.00", null),
                new LineItem("PENSION", List.of("2026-02"), "4000.00", "0.20", "800.00", null)));
        assertEquals(List.of("2026-01", "2026-02", "2026-03"), records.get(0).months());
    }

    @Test
    void recordIdsAreStableAndDistinct() {
        String once = RecordPlanner.recordId(RecordKind.PAYMENT, "pay-1", "PENSION");
        assertEquals(once, RecordPlanner.recordId(RecordKind.PAYMENT, "pay-1", "PENSION"));
        assertNotEquals(once, RecordPlanner.recordId(RecordKind.PAYMENT, "pay-1", "MEDICAL"));
        assertNotEquals(once, RecordPlanner.recordId(RecordKind.REVERSAL, "pay-1", "PENSION"));
        assertEquals(true, once.matches("[A-Za-z0-9_.-]{1,64}"), "the agencies take it in URL paths");
    }

    @Test
    void anInsuranceNoAgencyOwnsIsRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> RecordPlanner.forPayment(payment("pay-4",
                new LineItem("HOUSING_FUND", List.of("2026-03"), "4000.00", "0.12", "480.00", null))));
    }

    @Test
    void aRefundBecomesReversalsWithThePaidBase() {
        PaymentRefunded refund = new PaymentRefunded("rf-1", "pay-5", "AS-5", "p-1", "370700",
                List.of(new LineItem("SERIOUS_ILLNESS", List.of("2026-03"), null, null, "12.50", null)), "12.50", "duplicate",
                Instant.parse("2026-03-09T02:00:00Z"), "APPLICATION");
        List<PlannedRecord> records = RecordPlanner.forRefund(refund,
                insurance -> Optional.of(new BigDecimal("6633.00")));
        assertEquals(1, records.size());
        assertEquals(RecordKind.REVERSAL, records.get(0).kind());
        assertEquals(new BigDecimal("6633.00"), records.get(0).base());
        assertEquals(RecordPlanner.recordId(RecordKind.REVERSAL, "rf-1", "SERIOUS_ILLNESS"), records.get(0).recordId());
    }
}
