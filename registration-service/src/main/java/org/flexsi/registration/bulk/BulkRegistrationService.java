package org.flexsi.registration.bulk;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.registration.bulk.BulkResult.Row;
import org.flexsi.registration.bulk.BulkResult.Status;
import org.flexsi.registration.person.Person;
import org.flexsi.registration.person.PersonRequest;
import org.flexsi.registration.monitor.RegistrationMetrics;
import org.flexsi.registration.person.RegistrationService;
import org.flexsi.registration.person.RegistrationService.Checked;

/**
 * Bulk registration from agencies. Every row is checked on its own first, so a bad row is reported and
 * written nowhere; the good rows are then written in chunks, one transaction each. Should a chunk fail in
 * the database (someone registered the same person meanwhile), its rows are written one by one instead,
 * so each row stays all-or-nothing. A re-sent file is harmless: a row whose person is registered already
 * answers ALREADY_REGISTERED with that person's id and emits nothing. A row for a region the agency does not
 * serve fails on its own (issue 17).
 */
@ApplicationScoped
public class BulkRegistrationService {
    public static final int MAX_ROWS = 20_000;
    private static final int CHUNK = 250;

    private final RegistrationService registration;
    private final Validator validator;
    private final Clock clock;

    private final RegistrationMetrics metrics;

    public BulkRegistrationService(RegistrationService registration, Validator validator, Clock clock,
            RegistrationMetrics metrics) {
        this.metrics = metrics;
        this.registration = registration;
        this.validator = validator;
        this.clock = clock;
    }

    private record Pending(int row, Checked checked) {
    }

    public BulkResult json(List<PersonRequest> rows, Caller actor) {
        Row[] results = new Row[rows.size()];
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            check(i + 1, rows.get(i), actor, results, pending);
        }
        write(pending, results, actor);
        return summary(List.of(results), actor);
    }

    public BulkResult csv(String text, Caller actor) {
        List<Map<String, String>> rows = CsvRows.parse(text);
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("body", "a bulk registration has 1 to " + MAX_ROWS + " rows");
        }
        Row[] results = new Row[rows.size()];
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                check(i + 1, CsvRegistration.of(rows.get(i)), actor, results, pending);
            } catch (ProblemException e) {
                results[i] = failed(i + 1, e.problem());
            }
        }
        write(pending, results, actor);
        return summary(List.of(results), actor);
    }

    private void check(int number, PersonRequest request, Caller actor, Row[] results, List<Pending> pending) {
        if (request == null) {
            results[number - 1] = new Row(number, Status.FAILED, null, List.of(new Problem.FieldError("row", "is empty")));
            return;
        }
        Set<ConstraintViolation<PersonRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            results[number - 1] = new Row(number, Status.FAILED, null, violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList());
            return;
        }
        if (actor.agency().isPresent() && !actor.reaches(request.region())) {
            // an agency registers persons of its own regions only (issue 17); the row is refused, the others go on
            results[number - 1] = new Row(number, Status.FAILED, null, List.of(new Problem.FieldError("region",
                    "agency " + actor.agency().get().id() + " does not serve region " + request.region())));
            return;
        }
        try {
            pending.add(new Pending(number, registration.check(request)));
        } catch (ProblemException e) {
            results[number - 1] = failed(number, e.problem());
        }
    }

    private void write(List<Pending> pending, Row[] results, Caller actor) {
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Pending> chunk = pending.subList(from, Math.min(from + CHUNK, pending.size()));
            try {
                List<Row> written = QuarkusTransaction.requiringNew().call(() -> writeChunk(chunk, actor));
                written.forEach(row -> results[row.row() - 1] = row);
            } catch (RuntimeException e) {
                Log.warnf("bulk chunk of %d rows failed (%s); writing its rows one by one", chunk.size(), e.getMessage());
                chunk.forEach(p -> results[p.row() - 1] = writeAlone(p, actor));
            }
        }
    }

    private List<Row> writeChunk(List<Pending> chunk, Caller actor) {
        Map<String, UUID> known = registration.registered(chunk.stream().map(p -> p.checked().id()).toList());
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>(chunk.size());
        for (Pending p : chunk) {
            String identity = p.checked().id().type() + ":" + p.checked().id().number();
            UUID existing = known.get(identity);
            if (existing != null) {
                rows.add(new Row(p.row(), Status.ALREADY_REGISTERED, existing, List.of()));
            } else {
                UUID personId = registration.store(p.checked(), actor, now).personId();
                // keep the session small: every native outbox insert flushes, and a flush looks at every managed entity
                Person.flush();
                Person.getEntityManager().clear();
                known.put(identity, personId);
                rows.add(new Row(p.row(), Status.REGISTERED, personId, List.of()));
            }
        }
        return rows;
    }

    private Row writeAlone(Pending p, Caller actor) {
        try {
            UUID personId = QuarkusTransaction.requiringNew().call(() -> registration.register(p.checked().request(), actor).personId());
            return new Row(p.row(), Status.REGISTERED, personId, List.of());
        } catch (ProblemException e) {
            // the conflict names the person registered before
            if (e.problem().status() == 409 && e.problem().extensions().get("personId") instanceof String id) {
                return new Row(p.row(), Status.ALREADY_REGISTERED, UUID.fromString(id), List.of());
            }
            return failed(p.row(), e.problem());
        }
    }

    private static Row failed(int number, Problem problem) {
        List<Problem.FieldError> errors = problem.errors() != null ? problem.errors()
                : List.of(new Problem.FieldError(String.valueOf(problem.extensions().getOrDefault("rule", "row")),
                        problem.detail()));
        return new Row(number, Status.FAILED, null, errors);
    }

    private BulkResult summary(List<Row> rows, Caller actor) {
        int registered = (int) rows.stream().filter(r -> r.status() == Status.REGISTERED).count();
        int already = (int) rows.stream().filter(r -> r.status() == Status.ALREADY_REGISTERED).count();
        int failed = rows.size() - registered - already;
        Log.infof("bulk registration by %s: %d rows, %d registered, %d already registered, %d failed", actor.subject(),
                rows.size(), registered, already, failed);
        metrics.bulkRowsRejected(failed);
        return new BulkResult(rows.size(), registered, already, failed, rows);
    }
}
