package org.flexsi.simulators.http;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * One incoming request, fully read. {@code rawPath} is the path exactly as sent (no query), which is
 * what the signature covers; {@code params} are the decoded path variables of the matched route.
 */
public record Request(String method, String rawPath, Map<String, String> params, Headers headers, byte[] body) {

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    public boolean hasBody() {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }
}
