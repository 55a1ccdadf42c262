package org.flexsi.registration.bulk;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.bulk.BulkResult.Row;
import org.flexsi.registration.bulk.BulkResult.Status;
import org.flexsi.registration.person.Actor;
import org.flexsi.registration.person.PersonRequest;
import org.flexsi.registration.person.RegistrationService;

/**
 * Bulk registration from agencies. Each row runs in its own transaction, so a bad row changes nothing and
 * does not stop the others. A re-sent file is harmless: a row whose person is registered already answers
 * ALREADY_REGISTERED with that person's id and emits nothing.
 */
@ApplicationScoped
public class BulkRegistration {
    public static final int MAX_ROWS = 20_000;

    private final RegistrationService registration;
    private final Validator validator;

    public BulkRegistration(RegistrationService registration, Validator validator) {
        this.registration = registration;
        this.validator = validator;
    }

    public BulkResult json(List<PersonRequest> rows, Actor actor) {
        List<Row> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            results.add(row(i + 1, rows.get(i), actor));
        }
        return summary(results, actor);
    }

    public BulkResult csv(String text, Actor actor) {
        List<Map<String, String>> rows = CsvRows.parse(text);
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("body", "a bulk registration has 1 to " + MAX_ROWS + " rows");
        }
        List<Row> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PersonRequest request;
            try {
                request = CsvRegistration.of(rows.get(i));
            } catch (ProblemException e) {
                results.add(failed(i + 1, e.problem()));
                continue;
            }
            results.add(row(i + 1, request, actor));
        }
        return summary(results, actor);
    }

    private Row row(int number, PersonRequest request, Actor actor) {
        if (request == null) {
            return new Row(number, Status.FAILED, null, List.of(new Problem.FieldError("row", "is empty")));
        }
        Set<ConstraintViolation<PersonRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new Row(number, Status.FAILED, null, violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }
        try {
            UUID personId = QuarkusTransaction.requiringNew().call(() -> registration.register(request, actor).personId());
            return new Row(number, Status.REGISTERED, personId, List.of());
        } catch (ProblemException e) {
            if (e.problem().type().endsWith(RegistrationService.ALREADY_REGISTERED)) {
                return new Row(number, Status.ALREADY_REGISTERED,
                        UUID.fromString((String) e.problem().extensions().get("personId")), List.of());
            }
            return failed(number, e.problem());
        }
    }

    private static Row failed(int number, Problem problem) {
        List<Problem.FieldError> errors = problem.errors() != null ? problem.errors()
                : List.of(new Problem.FieldError(String.valueOf(problem.extensions().getOrDefault("rule", "row")),
                        problem.detail()));
        return new Row(number, Status.FAILED, null, errors);
    }

    private static BulkResult summary(List<Row> rows, Actor actor) {
        int registered = (int) rows.stream().filter(r -> r.status() == Status.REGISTERED).count();
        int already = (int) rows.stream().filter(r -> r.status() == Status.ALREADY_REGISTERED).count();
        int failed = rows.size() - registered - already;
        Log.infof("bulk registration by %s: %d rows, %d registered, %d already registered, %d failed", actor.subject(),
                rows.size(), registered, already, failed);
        return new BulkResult(rows.size(), registered, already, failed, rows);
    }
}
