package org.flexsi.rightssync.delivery;

import java.time.Instant;

/** An agency's verdict on a record, however it arrived: callback, poll or the pull API. */
public record AgencyDecision(String recordId, String status, String agencyReference, String reason, Instant decidedAt) {

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }
}
