package org.flexsi.simulators.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dispatches requests to handlers by method and path template ({@code /providers/{p}/orders}), reads
 * bodies with a size limit and turns every failure into problem JSON, so no request hangs or gets a
 * bare 500 page.
 */
public final class Router implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final List<Route> routes = new ArrayList<>();

    public Router on(String method, String template, Handler handler) {
        return on(method, template, MAX_BODY_BYTES, handler);
    }

    /** A route that takes bodies up to {@code maxBodyBytes} (a bank's debit file is far larger than any JSON). */
    public Router on(String method, String template, int maxBodyBytes, Handler handler) {
        routes.add(new Route(method, template.split("/", -1), maxBodyBytes, handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = dispatch(exchange);
            } catch (Problem problem) {
                response = problemResponse(problem);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "unexpected failure on " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI(), e);
                response = problemResponse(new Problem(500, "internal", "unexpected simulator failure"));
            }
            send(exchange, response);
        }
    }

    private Response dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String[] segments = rawPath.split("/", -1);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params == null) {
                continue;
            }
            if (!route.method.equals(method)) {
                allowed.add(route.method);
                continue;
            }
            byte[] body = readBody(exchange.getRequestBody(), route.maxBodyBytes);
            return route.handler.handle(new Request(method, rawPath, exchange.getRequestURI().getRawQuery(), params,
                    exchange.getRequestHeaders(), body));
        }
        if (!allowed.isEmpty()) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
            throw new Problem(405, "method-not-allowed", method + " is not supported on " + rawPath);
        }
        throw Problem.notFound("no endpoint " + rawPath);
    }

    private static byte[] readBody(InputStream in, int maxBodyBytes) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new Problem(413, "too-large", "body larger than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    private static Response problemResponse(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", title(problem.status()));
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        return new Response(problem.status(), "application/problem+json", Json.write(body));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        boolean empty = response.body().length == 0;
        response.headers().forEach(exchange.getResponseHeaders()::set);
        if (!empty) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private record Route(String method, String[] template, int maxBodyBytes, Handler handler) {

        /** The decoded path variables, or null when the path does not fit this template. */
        Map<String, String> match(String[] segments) {
            if (segments.length != template.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < template.length; i++) {
                String part = template[i];
                if (part.startsWith("{") && part.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    params.put(part.substring(1, part.length() - 1), decode(segments[i]));
                } else if (!part.equals(segments[i])) {
                    return null;
                }
            }
            return params;
        }

        private static String decode(String segment) {
            try {
                return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("malformed path segment " + segment);
            }
        }
    }
}
