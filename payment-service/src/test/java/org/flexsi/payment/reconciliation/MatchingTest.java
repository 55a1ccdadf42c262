package org.flexsi.payment.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flexsi.payment.reconciliation.Matching.Kind;
import org.junit.jupiter.api.Test;

class MatchingTest {
    @Test
    void eachPaymentOnEitherSideGetsExactlyOneVerdict() {
        List<Matching.Theirs> statement = List.of(
                theirs("o1", "t1", "796.00"),      // matched
                theirs("o2", "t2", "100.00"),      // we booked 1070.62
                theirs("o3", "t3-other", "5.00"),  // we know another transaction
                theirs("o4", "t4", "9.00"));       // lost callback or unknown order
        List<Matching.Ours> books = List.of(
                ours("o1", "t1", "796.00"),
                ours("o2", "t2", "1070.62"),
                ours("o3", "t3", "5.00"),
                ours("o5", "t5", "1.00"));         // they never took it
        Map<String, Kind> verdicts = Matching.match(statement, books).stream().collect(Collectors.toMap(
                r -> r.theirs() != null ? r.theirs().orderId() : r.ours().orderId(), Matching.Result::kind));
        assertEquals(Map.of("o1", Kind.MATCHED, "o2", Kind.AMOUNT_DIFFERENCE, "o3", Kind.TRANSACTION_DIFFERENCE,
                "o4", Kind.MISSING_ON_OURS, "o5", Kind.MISSING_ON_THEIRS), verdicts);
    }

    @Test
    void amountsCompareByValueNotByScale() {
        assertEquals(Kind.MATCHED, Matching.match(List.of(theirs("o1", "t1", "796.0")), List.of(ours("o1", "t1", "796.00")))
                .get(0).kind());
    }

    private static Matching.Theirs theirs(String order, String txn, String amount) {
        return new Matching.Theirs(order, txn, new BigDecimal(amount), Instant.parse("2026-12-01T02:00:00Z"));
    }

    private static Matching.Ours ours(String order, String txn, String amount) {
        return new Matching.Ours(order, txn, new BigDecimal(amount));
    }
}
