package org.flexsi.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finds the session named by the cookie (or opens one), and sets or clears the cookie on the answer: HttpOnly,
 * SameSite=Strict, Path=/, Secure where configured. The cookie holds a random id only; the token stays here.
 */
public class SessionFilters {
    private final Sessions sessions;
    private final Current current;
    private final ConsoleConfig config;

    public SessionFilters(Sessions sessions, Current current, ConsoleConfig config) {
        this.sessions = sessions;
        this.current = current;
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void load(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/static/") || path.startsWith("/q/")) {
            return;
        }
        Cookie cookie = http.getCookie(Sessions.COOKIE);
        Session found = sessions.find(cookie == null ? null : cookie.getValue());
        if (found != null) {
            current.use(found, false);
        } else {
            current.use(sessions.open(Sessions.DEFAULT_LOCALE), true);
        }
    }

    @ServerResponseFilter
    public void store(HttpServerResponse http) {
        if (current.cookieToSet()) {
            http.addCookie(cookie(current.session().id, -1));
        } else if (current.cookieToClear()) {
            http.addCookie(cookie("", 0));
        }
        // pages hold personal data and tokens end: never cached, never framed
        http.headers().set("Cache-Control", "no-store");
        http.headers().set("X-Frame-Options", "DENY");
        http.headers().set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        http.headers().set("Referrer-Policy", "no-referrer");
    }

    private Cookie cookie(String value, long maxAge) {
        Cookie cookie = Cookie.cookie(Sessions.COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(config.secureCookie());
        if (maxAge >= 0) {
            cookie.setMaxAge(maxAge);
        }
        return cookie;
    }
}
