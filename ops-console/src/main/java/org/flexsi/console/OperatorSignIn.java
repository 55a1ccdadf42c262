package org.flexsi.console;

import static org.flexsi.console.Views.data;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns an operator's access token into a signed-in session, however it came (pasted, or from the OpenID Connect
 * provider): checked as the services check it (signature, issuer, audience, expiry), and it must carry the ops role.
 * The session then holds it and forwards it to the services.
 */
@ApplicationScoped
public class OperatorSignIn {
    static final String OPS = "ops";

    private final JWTParser parser;
    private final Sessions sessions;
    private final Current current;
    private final Views views;
    private final ConsoleConfig config;

    public OperatorSignIn(JWTParser parser, Sessions sessions, Current current, Views views, ConsoleConfig config) {
        this.config = config;
        this.parser = parser;
        this.sessions = sessions;
        this.current = current;
        this.views = views;
    }

    /** {@code then} once signed in; the sign-in page (401) for a bad token, the refusal (403) for a non-ops one. */
    Response signIn(String raw, Supplier<Response> then) {
        JsonWebToken jwt;
        try {
            jwt = raw == null || raw.isEmpty() || raw.length() > 8192 ? null : parser.parse(raw);
        } catch (ParseException e) {
            jwt = null;
        }
        if (jwt == null) {
            return views.page("signin", 401, data("error", "token_invalid", "oidc", config.oidc().enabled()));
        }
        if (!jwt.getGroups().contains(OPS)) {
            return views.page("refused", 403, data("reason", "refused_not_ops"));
        }
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        current.replace(sessions.signIn(current.session(), raw, jwt.getSubject(), expires));
        return then.get();
    }
}
