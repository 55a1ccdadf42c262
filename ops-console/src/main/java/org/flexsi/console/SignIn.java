package org.flexsi.console;

import static org.flexsi.console.Views.data;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import java.util.Locale;

/**
 * The local stack's sign-in: an operator pastes a token from {@code deploy/stack token --role ops --sub NAME}
 * ({@link OperatorSignIn} checks it). Where an OpenID Connect provider is configured the page leads there instead
 * ({@link OidcSignIn}) and takes no token. The cookie holds only a random session id.
 */
@Path("/")
public class SignIn {
    private final OperatorSignIn operators;
    private final Sessions sessions;
    private final Current current;
    private final Views views;
    private final ConsoleConfig config;

    public SignIn(OperatorSignIn operators, Sessions sessions, Current current, Views views, ConsoleConfig config) {
        this.operators = operators;
        this.sessions = sessions;
        this.current = current;
        this.views = views;
        this.config = config;
    }

    @GET
    @Path("sign-in")
    public Response form() {
        if (current.session().signedIn()) {
            return views.seeOther("/", null);
        }
        return views.page("signin", data("error", null, "oidc", config.oidc().enabled()));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("csrf") String csrf, @FormParam("token") String token) {
        if (config.oidc().enabled()) {
            // operators sign in at the provider: a pasted token is not a way in here
            throw new NotFoundException();
        }
        current.requireCsrf(csrf);
        String raw = token == null ? "" : token.strip();
        if (raw.startsWith("Bearer ")) {
            raw = raw.substring("Bearer ".length()).strip();
        }
        return operators.signIn(raw, () -> views.seeOther("/", null));
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
