package org.flexsi.rightssync.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;

/**
 * Splits a payment or refund into one record per insurance, addressed to the agency that owns it.
 * Parts of one insurance (Jinan's pooled-only medical plan: unit part, personal part, mutual aid; R9)
 * travel as one record, because the agency can only book them together.
 */
public final class RecordPlanner {
    private RecordPlanner() {
    }

    /** @throws IllegalArgumentException if a line's insurance has no owning agency */
    public static List<PlannedRecord> forPayment(PaymentSucceeded payment) {
        return plan(RecordKind.PAYMENT, payment.paymentId(), payment.lines(), insurance -> Optional.empty());
    }

    /**
     * @param paidBase the base the payment's record of an insurance carried, for refund lines without one
     * @throws IllegalArgumentException if a line's insurance has no owning agency
     */
    public static List<PlannedRecord> forRefund(PaymentRefunded refund, Function<String, Optional<BigDecimal>> paidBase) {
        return plan(RecordKind.REVERSAL, refund.refundId(), refund.lines(), paidBase);
    }

    /**
     * Stable across redeliveries and replays: the agency books a record id once, so the same payment
     * line can never be counted twice there, whatever this side resends.
     */
    public static String recordId(RecordKind kind, String sourceId, String insurance) {
        String name = kind + "|" + sourceId + "|" + insurance;
        return "RS-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The record that carries a rejected record's rights again: a new id, because the agency's decision on
     * a record id is final there; derived from the rejected id, so one rejection has one successor.
     */
    public static String resendId(String rejectedRecordId) {
        return "RS-" + UUID.nameUUIDFromBytes(("RESEND|" + rejectedRecordId).getBytes(StandardCharsets.UTF_8));
    }

    private static List<PlannedRecord> plan(RecordKind kind, String sourceId, List<LineItem> lines,
            Function<String, Optional<BigDecimal>> fallbackBase) {
        Map<String, List<LineItem>> byInsurance = new LinkedHashMap<>();
        for (LineItem line : lines) {
            Agency.owning(line.insurance()).orElseThrow(() -> new IllegalArgumentException(
                    "no agency owns insurance " + line.insurance()));
            byInsurance.computeIfAbsent(line.insurance(), k -> new ArrayList<>()).add(line);
        }
        // fixed fees (serious illness 150/year, long-term care 4/month) have no base of their own;
        // the agencies book them against the person's contribution base of the same payment
        Optional<BigDecimal> paymentBase = lines.stream().map(LineItem::base).filter(Objects::nonNull)
                .findFirst().map(Money::parse);
        List<PlannedRecord> records = new ArrayList<>();
        byInsurance.forEach((insurance, items) -> {
            BigDecimal amount = items.stream().map(l -> Money.parse(l.amount()).abs())
                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
            if (amount.signum() == 0) {
                return;
            }
            TreeSet<String> months = new TreeSet<>();
            items.forEach(l -> months.addAll(l.months()));
            BigDecimal base = items.stream().map(LineItem::base).filter(Objects::nonNull).findFirst()
                    .map(Money::parse)
                    .or(() -> fallbackBase.apply(insurance))
                    .or(() -> paymentBase)
                    .orElse(amount);
            records.add(new PlannedRecord(recordId(kind, sourceId, insurance), kind, Agency.owning(insurance).orElseThrow(),
                    insurance, List.copyOf(months), base.abs(), amount));
        });
        return records;
    }
}
