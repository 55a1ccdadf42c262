package org.flexsi.payment.order;

/**
 * What a channel's report does to an order: the rule that money is taken exactly once. Plain logic, so
 * every combination of order state, report and assessment state is tested without a server.
 */
public final class Settlement {
    /** What the channel says happened to the payer's money. */
    public enum Report { SUCCESS, FAILED }

    /** Where the assessment stood when the money was taken. */
    public enum AssessmentStanding { PAYABLE, PAID_BY_ANOTHER, NOT_PAYABLE }

    public enum Action {
        /** The payment counts for the assessment. */
        BOOK,
        /** Money was taken but must not count: book it and give it back. */
        BOOK_AND_REFUND,
        FAIL,
        /** The channel reports another amount than the order's: park it for ops. */
        HOLD,
        /** Already settled: a repeated or out-of-order report changes nothing. */
        IGNORE
    }

    public record Decision(Action action, String reason) {
    }

    private Settlement() {
    }

    public static Decision decide(PaymentStatus current, Report report, boolean amountMatches, AssessmentStanding standing) {
        if (current.settled()) {
            return new Decision(Action.IGNORE, "already " + current);
        }
        if (report == Report.FAILED) {
            return current == PaymentStatus.PAYING ? new Decision(Action.FAIL, "the channel reported a failure")
                    : new Decision(Action.IGNORE, "already " + current);
        }
        if (!amountMatches) {
            return new Decision(Action.HOLD, "the channel reported another amount than the order's");
        }
        if (current != PaymentStatus.PAYING) {
            return new Decision(Action.BOOK_AND_REFUND, "paid after the order was " + current.name().toLowerCase());
        }
        return switch (standing) {
            case PAYABLE -> new Decision(Action.BOOK, "paid");
            case PAID_BY_ANOTHER -> new Decision(Action.BOOK_AND_REFUND, "the assessment was already paid by another payment");
            case NOT_PAYABLE -> new Decision(Action.BOOK_AND_REFUND, "the assessment was no longer payable when paid");
        };
    }
}
