package org.flexsi.payment.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flexsi.payment.order.Settlement.Action;
import org.flexsi.payment.order.Settlement.AssessmentStanding;
import org.flexsi.payment.order.Settlement.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlementTest {
    @ParameterizedTest(name = "{0} + {1} (amount ok {2}, assessment {3}) -> {4}")
    @CsvSource({
            // the normal cases
            "PAYING,   SUCCESS, true,  PAYABLE,         BOOK",
            "PAYING,   FAILED,  true,  PAYABLE,         FAIL",
            // two channels at once: the second success is booked and given back
            "PAYING,   SUCCESS, true,  PAID_BY_ANOTHER, BOOK_AND_REFUND",
            "PAYING,   SUCCESS, true,  NOT_PAYABLE,     BOOK_AND_REFUND",
            // late successes after the order ended
            "EXPIRED,  SUCCESS, true,  PAYABLE,         BOOK_AND_REFUND",
            "FAILED,   SUCCESS, true,  PAYABLE,         BOOK_AND_REFUND",
            // another amount than the order's: ops decide, whatever else holds
            "PAYING,   SUCCESS, false, PAYABLE,         HOLD",
            "EXPIRED,  SUCCESS, false, NOT_PAYABLE,     HOLD",
            // repeated and out-of-order reports change nothing
            "PAID,     SUCCESS, true,  PAYABLE,         IGNORE",
            "PAID,     FAILED,  true,  PAYABLE,         IGNORE",
            "REFUNDED, SUCCESS, true,  PAID_BY_ANOTHER, IGNORE",
            "HELD,     SUCCESS, true,  PAYABLE,         IGNORE",
            "REVERSED, SUCCESS, true,  PAYABLE,         IGNORE",
            "EXPIRED,  FAILED,  true,  PAYABLE,         IGNORE",
            "FAILED,   FAILED,  true,  PAYABLE,         IGNORE",
    })
    void everyReportOnEveryOrderHasOneOutcome(PaymentStatus current, Report report, boolean amountMatches,
            AssessmentStanding standing, Action expected) {
        assertEquals(expected, Settlement.decide(current, report, amountMatches, standing).action());
    }
}
