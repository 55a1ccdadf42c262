package org.flexsi.rightssync.delivery;

import java.time.Instant;
import java.util.List;

/** One record as the agency's intake API takes it; amounts as decimal strings with 2 places. */
public record Outgoing(String recordId, String kind, String personId, String idNumber, String name, String region,
        String insurance, List<String> months, String base, String amount, String paymentReference, Instant paidAt) {}
