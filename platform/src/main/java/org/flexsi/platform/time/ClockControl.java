package org.flexsi.platform.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flexsi.platform.problem.Problem;

/**
 * Test-only: {@code /q/flexsi/clock} moves this process's {@link PlatformClock}, so a fault campaign can let working
 * days pass (an agency down for two of them). It exists only when {@code flexsi.test.clock-control=true}: otherwise
 * the route is never registered (404) and, being a plain route, it is in no OpenAPI document either way. An ops token
 * is required (see {@code quarkus.http.auth.permission.clock-control} in the platform's defaults).
 * <ul>
 * <li>{@code GET}: {@code {"now": instant, "offsetSeconds": n}}</li>
 * <li>{@code PUT {"instant": "2026-12-09T01:00:00Z"}}: now is that instant, time keeps running from there</li>
 * <li>{@code DELETE}: back to real time</li>
 * </ul>
 */
@ApplicationScoped
public class ClockControl {
    public static final String PATH = "/q/flexsi/clock";
    private final PlatformClock clock;
    private final ObjectMapper json;

    public ClockControl(PlatformClock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    void register(@Observes Router router,
            @ConfigProperty(name = "flexsi.test.clock-control", defaultValue = "false") boolean enabled) {
        if (!enabled) {
            return;
        }
        router.route(HttpMethod.GET, PATH).handler(ctx -> answer(ctx, 200, now()));
        router.route(HttpMethod.DELETE, PATH).handler(ctx -> {
            clock.reset();
            answer(ctx, 200, now());
        });
        router.route(HttpMethod.PUT, PATH).handler(BodyHandler.create().setBodyLimit(4096)).handler(ctx -> {
            Instant target;
            try {
                JsonNode body = json.readTree(ctx.body().asString());
                if (body == null || !body.isObject() || body.size() != 1 || !body.path("instant").isTextual()) {
                    throw new IllegalArgumentException("the body is {\"instant\": ISO-8601 instant} and nothing else");
                }
                target = Instant.parse(body.path("instant").asText());
            } catch (IllegalArgumentException | DateTimeParseException | java.io.IOException e) {
                answer(ctx, 400, Problem.of(400, "validation", "Invalid clock setting", "instant: " + e.getMessage()));
                return;
            }
            clock.setTo(target);
            answer(ctx, 200, now());
        });
    }

    private Map<String, Object> now() {
        return Map.of("now", clock.instant().toString(), "offsetSeconds", clock.offset().toSeconds());
    }

    private void answer(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", status == 200 ? "application/json" : Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(body));
        } catch (java.io.IOException e) {
            ctx.fail(e);
        }
    }
}
