package org.flexsi.platform.problem;

import java.util.List;

/** Thrown by application code to answer with a problem; nothing stored is changed (the transaction rolls back). */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    /** A state conflict: the resource is not in a state that allows this (409). */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    /** A domain rule is broken (422); {@code rule} names it, e.g. {@code R2-age}. */
    public static ProblemException ruleBroken(String rule, String detail) {
        return new ProblemException(Problem.of(422, "rule/" + rule, "Rule " + rule + " not met", detail).with("rule", rule));
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail)
                .with("retryAfter", retryAfterSeconds));
    }
}
