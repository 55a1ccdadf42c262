package org.flexsi.rightssync.replay;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flexsi.platform.audit.AccessAudit;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.rightssync.record.Agency;
import org.flexsi.rightssync.record.SyncRecord;

/**
 * Sends matching records to their agency again. The agency books each record id once, so a replay
 * never counts a payment twice there; it only closes gaps (a record the agency lost, a decision never heard).
 */
@ApplicationScoped
@Transactional
public class ReplayService {
    private static final int MAX_RECORDS = 100_000;
    private static final int LISTED = 100;

    private final IdempotencyKeys idempotency;
    private final AccessAudit audit;

    public ReplayService(IdempotencyKeys idempotency, AccessAudit audit) {
        this.idempotency = idempotency;
        this.audit = audit;
    }

    public Response replay(Caller caller, String key, ReplayRequest request) {
        Criteria criteria = criteria(request);
        if (request.dryRun()) {
            return Response.ok(run(caller, criteria, true)).build();
        }
        return idempotency.once("replay", key, request, 200, () -> run(caller, criteria, false));
    }

    private ReplayResult run(Caller caller, Criteria criteria, boolean dryRun) {
        List<SyncRecord> matched = SyncRecord.<SyncRecord>find(criteria.query + " order by seq", criteria.params)
                .page(0, MAX_RECORDS + 1).list();
        if (matched.size() > MAX_RECORDS) {
            throw ProblemException.ruleBroken("replay-too-large",
                    "more than " + MAX_RECORDS + " records match; narrow the criteria");
        }
        if (!dryRun) {
            // a bulk update touches only the flag, never a decision that lands meanwhile
            SyncRecord.update("resend = true where " + criteria.query, criteria.params);
            audit.record(caller, "replay", "rights-records", criteria.described());
            Log.infof("replay of %d record(s) requested: %s", matched.size(), criteria.query);
        }
        return new ReplayResult(dryRun, matched.size(),
                matched.stream().limit(LISTED).map(r -> r.recordId).toList());
    }

    private record Criteria(String query, Map<String, Object> params) {
        /** The criteria as the audit trail names them, e.g. {@code region=370700 from=2026-03-01}. */
        String described() {
            String text = new java.util.TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(" "));
            return text.length() > 120 ? text.substring(0, 117) + "..." : text;
        }
    }

    private static Criteria criteria(ReplayRequest r) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (present(r.recordId())) {
            q.append(" and recordId = :recordId");
            params.put("recordId", r.recordId());
        }
        if (present(r.personId())) {
            q.append(" and personId = :personId");
            params.put("personId", r.personId());
        }
        if (present(r.region())) {
            q.append(" and region = :region");
            params.put("region", r.region());
        }
        if (r.from() != null) {
            q.append(" and paymentDate >= :from");
            params.put("from", r.from());
        }
        if (r.to() != null) {
            q.append(" and paymentDate <= :to");
            params.put("to", r.to());
        }
        if (r.from() != null && r.to() != null && r.to().isBefore(r.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (params.isEmpty()) {
            throw ProblemException.invalid("recordId", "give at least one of recordId, personId, region, from, to");
        }
        if (present(r.agency())) {
            q.append(" and agency = :agency");
            params.put("agency", Agency.valueOf(r.agency()));
        }
        return new Criteria(q.toString(), params);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
