package org.flexsi.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One mapper per kind of failure, each answering with problem+json. Unknown bugs stay 500s and are logged. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = e.problem().toResponse();
        Object retryAfter = e.problem().extensions().get("retryAfter");
        return retryAfter == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(400, "validation", "Invalid request", detail).withErrors(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String detail = field.isEmpty() ? "the body is not valid JSON for this request"
                : field + ": wrong type or format";
        Problem problem = Problem.of(400, "malformed-body", "Malformed request body", detail);
        return (field.isEmpty() ? problem : problem.withErrors(List.of(new Problem.FieldError(field, "wrong type or format"))))
                .toResponse();
    }

    /** A field the request's body type does not have: named, so the client sees which one. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 200)
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return Problem.of(400, "unknown-field", "Unknown field", field + ": no such field in this request")
                .withErrors(List.of(new Problem.FieldError(field, "no such field in this request"))).toResponse();
    }

    /** Quarkus has a built-in mapper for this one (an empty 400); ours is more useful to a client. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "your role may not call this endpoint").toResponse();
    }

    @ServerExceptionMapper
    public Response databaseDown(JDBCConnectionException e) {
        return unavailable(e);
    }

    @ServerExceptionMapper
    public Response connectionUnavailable(SQLTransientConnectionException e) {
        return unavailable(e);
    }

    /**
     * Hibernate reports some ways a database goes away as a generic failure (a database refusing new connections is
     * SQLSTATE 55000, not a connection error), and a connection lost while committing reaches us as a failed
     * transaction: both are the database being down, 503 like the above. Anything else of these kinds is a bug: 500.
     */
    @ServerExceptionMapper
    public Response databaseFailure(GenericJDBCException e) {
        return unavailableOrBug(e);
    }

    @ServerExceptionMapper
    public Response transactionFailure(QuarkusTransactionException e) {
        return unavailableOrBug(e);
    }

    /**
     * The database refused a value (SQLSTATE class 22: too long for its column, out of range, a character it cannot
     * store) that validation let through. The statement failed, so nothing was stored; a gap in validation, logged.
     */
    @ServerExceptionMapper
    public Response unstorableValue(DataException e) {
        Log.warnf("a request's value was refused by the database (validation should have caught it): %s",
                e.getSQLException().getMessage());
        return Problem.of(400, "unstorable-value", "Value cannot be stored",
                "a value is too long, out of range or holds a character that cannot be stored").toResponse();
    }

    /** JAX-RS's own answers (404 unknown path, 405, 415, bad parameter) in the same shape. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 && e.getCause() != null ? "a path or query parameter has the wrong format"
                : e.getMessage();
        if (status == 404 && e.getCause() != null) {
            return Problem.of(400, "malformed-parameter", "Malformed parameter", detail).toResponse();
        }
        return Problem.of(status, "http-" + status, title, detail).toResponse();
    }

    private static Response unauthenticated() {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Unauthenticated",
                "a valid bearer token is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response unavailableOrBug(RuntimeException e) {
        if (DatabaseFailure.of(e) == DatabaseFailure.GONE) {
            return unavailable(e);
        }
        Log.error("unexpected failure", e);
        return Problem.of(500, "internal", "Internal error", "an unexpected error; it was logged").toResponse();
    }

    private static Response unavailable(Exception e) {
        Log.warnf("database unavailable: %s", e.getMessage());
        return Response.fromResponse(Problem.of(503, "unavailable", "Service unavailable",
                "the database is not reachable; retry later").toResponse())
                .header(HttpHeaders.RETRY_AFTER, 5).build();
    }

    private static String field(ConstraintViolation<?> violation) {
        // "create.request.idNumber" -> "idNumber": the method and parameter names mean nothing to a client
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
