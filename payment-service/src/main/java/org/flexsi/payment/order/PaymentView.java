package org.flexsi.payment.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.time.BusinessTime;

/** A payment order as its payer, the person and ops see it. Amounts are decimal strings. */
@Schema(name = "Payment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(
        @Schema(examples = "0b6f3c1e-8a57-4c1b-9a63-1d2f5e7a9b10") String paymentId,
        @Schema(examples = "HB2026070100001234") String assessmentSerial,
        @Schema(examples = "P-420106-0001") String personId,
        @Schema(examples = "P-420106-0001") String payerId,
        @Schema(examples = "WECHAT") String channel,
        @Schema(examples = "PAYING", enumeration = { "PAYING", "PAID", "FAILED", "EXPIRED", "HELD", "REFUNDED", "REVERSED" }) String status,
        @Schema(examples = "796.00") String amount,
        List<LineItem> lines,
        @Schema(examples = "weixin://wxpay/bizpayurl?pr=3f9a0c1b2d4e5f60") String qrCode,
        @Schema(examples = "http://127.0.0.1:8090/providers/wechat/orders/wx-order-00000001/pay") String payUrl,
        @Schema(examples = "wx-tx-00000001") String providerTransactionId,
        @Schema(examples = "the assessment was already paid by another payment") String statusReason,
        Instant createdAt,
        Instant expiresAt,
        Instant paidAt,
        @Schema(description = "The China date the money was taken (Asia/Shanghai): a payment at 00:30 in Beijing, 16:30 UTC"
                + " the day before, belongs to the Beijing day", examples = "2026-10-08") LocalDate businessDay,
        @Schema(description = "R22: the payment's details are queryable from this day, 1 working day (Chinese calendar,"
                + " holidays excluded) after its business day; absent while the calendar of that year is not loaded",
                examples = "2026-10-09") LocalDate detailsFrom) {

    /** Payment details are queryable 1 working day after success (R22). */
    public static final int DETAILS_AFTER_WORKING_DAYS = 1;

    public static PaymentView of(Payment p, WorkingDayCalendar calendar) {
        LocalDate businessDay = p.paidAt == null ? null : BusinessTime.dateOf(p.paidAt);
        return new PaymentView(p.id.toString(), p.assessmentSerial, p.personId, p.payerId, p.channel.name(), p.status.name(),
                Money.text(p.amount), p.lineItems(), p.qrCode, p.payUrl, p.externalTxnId, p.statusReason, p.createdAt,
                p.expiresAt, p.paidAt, businessDay, detailsFrom(businessDay, calendar));
    }

    static LocalDate detailsFrom(LocalDate businessDay, WorkingDayCalendar calendar) {
        if (businessDay == null) {
            return null;
        }
        try {
            return calendar.addWorkingDays(businessDay, DETAILS_AFTER_WORKING_DAYS);
        } catch (CalendarNotLoadedException e) {
            return null;
        }
    }
}
