package org.flexsi.simulators.agency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** One collection record as flexsi sends it to the pension or medical system. */
public record RightsRecord(String recordId, RecordKind kind, String personId, String idNumber, String name,
        String region, String insurance, List<YearMonth> months, BigDecimal base, BigDecimal amount,
        String paymentReference, Instant paidAt) {

    public RightsRecord {
        months = List.copyOf(months);
    }
}
