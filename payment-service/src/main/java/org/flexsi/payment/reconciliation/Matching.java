package org.flexsi.payment.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a channel's statement of one day against our books, by our order id and their transaction id.
 * Plain logic: what to do about each difference is the caller's business.
 */
public final class Matching {
    private Matching() {
    }

    /** A payment on their statement. */
    public record Theirs(String orderId, String transactionId, BigDecimal amount, java.time.Instant paidAt) {
    }

    /** A payment in our books for which money was taken that day. */
    public record Ours(String orderId, String transactionId, BigDecimal amount) {
    }

    public enum Kind {
        /** On both sides, same transaction and amount. */
        MATCHED,
        /** On their statement only: a lost callback if the order is ours, else an order we never made. */
        MISSING_ON_OURS,
        MISSING_ON_THEIRS,
        AMOUNT_DIFFERENCE,
        /** Same order, another transaction id. */
        TRANSACTION_DIFFERENCE
    }

    public record Result(Kind kind, Theirs theirs, Ours ours) {
    }

    public static List<Result> match(List<Theirs> statement, List<Ours> books) {
        Map<String, Ours> ours = new HashMap<>();
        books.forEach(o -> ours.put(o.orderId(), o));
        Set<String> seen = new HashSet<>();
        List<Result> results = new ArrayList<>();
        for (Theirs theirs : statement) {
            Ours mine = ours.get(theirs.orderId());
            seen.add(theirs.orderId());
            if (mine == null) {
                results.add(new Result(Kind.MISSING_ON_OURS, theirs, null));
            } else if (mine.transactionId() != null && !mine.transactionId().equals(theirs.transactionId())) {
                results.add(new Result(Kind.TRANSACTION_DIFFERENCE, theirs, mine));
            } else if (mine.amount().compareTo(theirs.amount()) != 0) {
                results.add(new Result(Kind.AMOUNT_DIFFERENCE, theirs, mine));
            } else {
                results.add(new Result(Kind.MATCHED, theirs, mine));
            }
        }
        for (Ours mine : books) {
            if (!seen.contains(mine.orderId())) {
                results.add(new Result(Kind.MISSING_ON_THEIRS, null, mine));
            }
        }
        return results;
    }
}
