package org.flexsi.assessment.assessment;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Unpaid assessments past their expiry become EXPIRED and org.flexsi.assessment.expired.v1 is emitted. */
@ApplicationScoped
public class ExpiryJob {
    private static final int BATCH = 200;

    private final AssessmentService service;

    public ExpiryJob(AssessmentService service) {
        this.service = service;
    }

    @Scheduled(every = "${flexsi.assessment.expiry-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int expired;
        do {
            expired = service.expireDue(BATCH);
            if (expired > 0) {
                Log.infof("expired %d unpaid assessments", expired);
            }
        } while (expired == BATCH);
    }
}
