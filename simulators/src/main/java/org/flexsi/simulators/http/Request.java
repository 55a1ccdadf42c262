package org.flexsi.simulators.http;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * One incoming request, fully read. {@code rawPath} is the path exactly as sent (no query), which is
 * what the signature covers; {@code params} are the decoded path variables of the matched route;
 * {@code rawQuery} the query string as sent, null when there is none.
 */
public record Request(String method, String rawPath, String rawQuery, Map<String, String> params, Headers headers, byte[] body) {

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    /**
     * The request's W3C {@code traceparent} when well formed, else null: a party keeps it to send back on its
     * callbacks; a malformed one is dropped, never passed on.
     */
    public String traceparent() {
        String value = headers.getFirst("traceparent");
        return value != null && TRACEPARENT.matcher(value.strip()).matches() ? value.strip() : null;
    }

    private static final java.util.regex.Pattern TRACEPARENT =
            java.util.regex.Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    public boolean hasBody() {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }
}
