package org.flexsi.simulators.http;

import java.nio.charset.StandardCharsets;

public record Response(int status, String contentType, byte[] body) {

    public static Response json(int status, Object value) {
        return new Response(status, "application/json", Json.write(value));
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
