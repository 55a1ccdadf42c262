package org.flexsi.simulators.http;

/**
 * An expected failure of a request, answered as RFC 9457 problem JSON. Throwing it from anywhere in a
 * handler is how the simulators refuse bad input without ever answering 500.
 */
public final class Problem extends RuntimeException {
    private final int status;
    private final String type;

    public Problem(int status, String type, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "invalid-request", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "bad-signature", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "conflict", detail);
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return "urn:flexsi:simulators:problem:" + type;
    }

    public String detail() {
        return getMessage();
    }
}
