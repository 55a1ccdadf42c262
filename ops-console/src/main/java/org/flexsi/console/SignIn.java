package org.flexsi.console;

import static org.flexsi.console.Views.data;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Consumes;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The local stack's sign-in: an operator pastes a token from {@code deploy/stack token --role ops --sub NAME}.
 * The token is checked as the services check it (signature, issuer, audience, expiry) and must carry the ops
 * role; the session then holds it and forwards it to the services. The cookie holds only a random session id.
 */
@Path("/")
public class SignIn {
    static final String OPS = "ops";

    private final JWTParser parser;
    private final Sessions sessions;
    private final Current current;
    private final Views views;

    public SignIn(JWTParser parser, Sessions sessions, Current current, Views views) {
        this.parser = parser;
        this.sessions = sessions;
        this.current = current;
        this.views = views;
    }

    @GET
    @Path("sign-in")
    public Response form() {
        if (current.session().signedIn()) {
            return views.seeOther("/", null);
        }
        return views.page("signin", data("error", null));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("csrf") String csrf, @FormParam("token") String token) {
        current.requireCsrf(csrf);
        String raw = token == null ? "" : token.strip();
        if (raw.startsWith("Bearer ")) {
            raw = raw.substring("Bearer ".length()).strip();
        }
        JsonWebToken jwt;
        try {
            jwt = raw.isEmpty() || raw.length() > 8192 ? null : parser.parse(raw);
        } catch (ParseException e) {
            jwt = null;
        }
        if (jwt == null) {
            return views.page("signin", 401, data("error", "token_invalid"));
        }
        if (!jwt.getGroups().contains(OPS)) {
            return views.page("refused", 403, data("reason", "refused_not_ops"));
        }
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        current.replace(sessions.signIn(current.session(), raw, jwt.getSubject(), expires));
        return views.seeOther("/", null);
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf) {
        current.requireCsrf(csrf);
        sessions.close(current.session());
        current.clear();
        return views.seeOther("/sign-in", null);
    }

    /** Language switch: a form (it changes the session), so it carries the CSRF token too. */
    @POST
    @Path("lang")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("csrf") String csrf, @FormParam("to") String to, @FormParam("back") String back) {
        current.requireCsrf(csrf);
        current.session().locale = "en".equals(to) ? Locale.ENGLISH : Sessions.DEFAULT_LOCALE;
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return views.seeOther(local ? back : "/", null);
    }
}
