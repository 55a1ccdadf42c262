package org.flexsi.rightssync.rejection;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.delivery.RecordsWaiting;
import org.flexsi.rightssync.query.RecordView;
import org.flexsi.rightssync.record.RecordPlanner;
import org.flexsi.rightssync.record.Stage;
import org.flexsi.rightssync.record.SyncRecord;

/**
 * Takes a record off the ops work list of rejections. RESEND queues a successor record with the same
 * rights under a new id (the agency's rejection of the old id stands there, so nothing is booked twice);
 * CLOSE ends it with a note. Either is recorded with who and when, once.
 */
@ApplicationScoped
@Transactional
public class RejectionService {
    private final EntityManager em;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    private final Event<RecordsWaiting> waiting;

    public RejectionService(EntityManager em, IdempotencyKeys idempotency, Clock clock, Event<RecordsWaiting> waiting) {
        this.waiting = waiting;
        this.em = em;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The idempotency key covers the record as well as the body: one key cannot resolve two records. */
    private record Keyed(String recordId, ResolutionRequest request) {
    }

    public Response resolve(String key, String recordId, ResolutionRequest request, String resolvedBy) {
        IdempotencyKeys.require(key);
        if (request.closes() && (request.note() == null || request.note().isBlank())) {
            throw ProblemException.invalid("note", "is required to CLOSE: say why nothing more is sent");
        }
        return idempotency.once("rejection-resolution", key, new Keyed(recordId, request), 200,
                () -> apply(recordId, request, resolvedBy));
    }

    private RecordView apply(String recordId, ResolutionRequest request, String resolvedBy) {
        SyncRecord rejected = em.find(SyncRecord.class, recordId, LockModeType.PESSIMISTIC_WRITE);
        if (rejected == null) {
            throw ProblemException.notFound("no record " + recordId);
        }
        if (rejected.stage != Stage.REJECTED) {
            throw ProblemException.conflict("not-rejected",
                    "record " + recordId + " is " + rejected.status() + "; only REJECTED records are resolved");
        }
        if (rejected.resolution != null) {
            throw ProblemException.conflict("already-resolved", "record " + recordId + " was already resolved ("
                    + rejected.resolution + " by " + rejected.resolvedBy + " at " + rejected.resolvedAt + ")");
        }
        Instant now = clock.instant();
        rejected.resolution = request.action();
        rejected.resolvedBy = resolvedBy;
        rejected.resolvedAt = now;
        rejected.resolutionNote = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (!request.closes()) {
            SyncRecord successor = successorOf(rejected, now);
            successor.persist();
            rejected.successorId = successor.recordId;
            waiting.fire(new RecordsWaiting());
        }
        Log.infof("rejected record %s resolved: %s by %s%s", recordId, rejected.resolution, resolvedBy,
                rejected.successorId == null ? "" : ", sent again as " + rejected.successorId);
        return RecordView.of(rejected);
    }

    /** Same rights, same payment date and deadline (the R24 promise does not restart), back in the queue. */
    private static SyncRecord successorOf(SyncRecord rejected, Instant now) {
        SyncRecord r = new SyncRecord();
        r.recordId = RecordPlanner.resendId(rejected.recordId);
        r.resendOf = rejected.recordId;
        r.kind = rejected.kind;
        r.agency = rejected.agency;
        r.personId = rejected.personId;
        r.paymentId = rejected.paymentId;
        r.refundId = rejected.refundId;
        r.region = rejected.region;
        r.insurance = rejected.insurance;
        r.months = rejected.months;
        r.base = rejected.base;
        r.amount = rejected.amount;
        r.paidAt = rejected.paidAt;
        r.paymentDate = rejected.paymentDate;
        r.deadline = rejected.deadline;
        r.stage = Stage.PENDING;
        r.createdAt = now;
        return r;
    }
}
