package org.flexsi.rightssync.record;

import java.math.BigDecimal;
import java.util.List;

/** A record derived from an event, before it is stored. */
public record PlannedRecord(String recordId, RecordKind kind, Agency agency, String insurance, List<String> months,
        BigDecimal base, BigDecimal amount) {
}
