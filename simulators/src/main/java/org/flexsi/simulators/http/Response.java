package org.flexsi.simulators.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An answer; {@code headers} are set beside Content-Type (a redirect's Location). */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Response(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

    /** 302 to {@code location}, as a browser follows it. */
    public static Response redirect(String location) {
        return new Response(302, "text/plain", new byte[0], Map.of("Location", location));
    }

    public static Response json(int status, Object value) {
        return new Response(status, "application/json", Json.write(value));
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
