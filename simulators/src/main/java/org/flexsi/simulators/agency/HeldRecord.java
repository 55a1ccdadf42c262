package org.flexsi.simulators.agency;

import java.net.URI;
import java.time.Instant;
import org.flexsi.simulators.Party;

/**
 * A rights record as the agency holds it. {@code timesReceived} counts every delivery of the same
 * recordId, so a test can prove that a replay was received but booked only once.
 */
public record HeldRecord(Party agency, RightsRecord record, URI callbackUrl, RecordStatus status,
        String agencyReference, String reason, Instant decidedAt, int timesReceived) {

    public String recordId() {
        return record.recordId();
    }

    HeldRecord receivedAgain() {
        return new HeldRecord(agency, record, callbackUrl, status, agencyReference, reason, decidedAt,
                timesReceived + 1);
    }

    HeldRecord decided(RecordStatus outcome, String agencyReference, String reason, Instant decidedAt) {
        return new HeldRecord(agency, record, callbackUrl, outcome, agencyReference, reason, decidedAt,
                timesReceived);
    }
}
