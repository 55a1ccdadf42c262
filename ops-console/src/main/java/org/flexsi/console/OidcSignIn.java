package org.flexsi.console;

import static org.flexsi.console.Views.data;

import io.quarkus.logging.Log;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Sign-in at the OpenID Connect provider, where {@code flexsi.console.oidc.enabled}: the authorization-code flow with
 * PKCE, by hand over the JDK's HTTP client rather than quarkus-oidc, whose own session cookie and authentication
 * mechanism would stand beside the console's session (memory, random id, CSRF token, token forwarded to the services)
 * instead of feeding it. The provider's access token is what the session then holds, checked by {@link OperatorSignIn}
 * exactly as a pasted one.
 * <p>
 * The flow is bound to the browser that started it by a cookie holding the {@code state} (login CSRF: a code an
 * attacker obtained cannot be slipped into another's browser). That cookie is SameSite=Lax and confined to this path,
 * because the browser comes back from the provider's site, and a Strict cookie (the session's) is not sent then.
 */
@Path("/sign-in/oidc")
public class OidcSignIn {
    static final String FLOW_COOKIE = "flexsi_console_oidc";

    private final ConsoleConfig config;
    private final OidcProvider provider;
    private final OidcFlows flows;
    private final OperatorSignIn operators;
    private final Views views;

    public OidcSignIn(ConsoleConfig config, OidcProvider provider, OidcFlows flows, OperatorSignIn operators, Views views) {
        this.config = config;
        this.provider = provider;
        this.flows = flows;
        this.operators = operators;
        this.views = views;
    }

    /** Off to the provider, with a new state and PKCE challenge. */
    @GET
    public Response start(@Context UriInfo uri) {
        requireEnabled();
        OidcFlows.Flow flow = flows.open();
        try {
            URI to = URI.create(provider.authorizationUrl(redirectUri(uri), flow.state(), flow.challenge()));
            return Response.seeOther(to).cookie(flowCookie(flow.state(), (int) OidcFlows.LIFETIME.toSeconds())).build();
        } catch (OidcProvider.Failed e) {
            flows.take(flow.state());
            return failed(e);
        }
    }

    /** Back from the provider: the state checked against this browser's flow, the code exchanged once. */
    @GET
    @Path("callback")
    public Response callback(@Context UriInfo uri, @QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @CookieParam(FLOW_COOKIE) String flowCookie) {
        requireEnabled();
        boolean sameBrowser = state != null && flowCookie != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), flowCookie.getBytes(StandardCharsets.UTF_8));
        OidcFlows.Flow flow = sameBrowser ? flows.take(state) : null;
        if (flow == null) {
            // the browser's own flow (if any) is left alone: a forged answer must not break a genuine sign-in
            return views.page("refused", 403, data("reason", "refused_oidc_state"));
        }
        if (error != null || code == null || code.isBlank()) {
            return withFlowCleared(failed(new OidcProvider.Failed("the provider answered " + (error == null ? "no code" : error))));
        }
        String token;
        try {
            token = provider.exchange(code, redirectUri(uri), flow.verifier());
        } catch (OidcProvider.Failed e) {
            return withFlowCleared(failed(e));
        }
        // a page, not a redirect: a redirect would still count as the navigation from the provider's site, and the
        // browser would not send the new (Strict) session cookie with it
        return withFlowCleared(operators.signIn(token, () -> views.page("signed-in", data())));
    }

    private void requireEnabled() {
        if (!config.oidc().enabled()) {
            throw new NotFoundException();
        }
    }

    private String redirectUri(UriInfo uri) {
        return config.oidc().redirectUri().orElseGet(() -> uri.getBaseUriBuilder().path("sign-in/oidc/callback").build().toString());
    }

    private Response failed(OidcProvider.Failed e) {
        Log.warnf("OpenID Connect sign-in failed: %s", e.getMessage());
        return views.page("signin", 502, data("error", "oidc_failed", "oidc", true));
    }

    private Response withFlowCleared(Response page) {
        return Response.fromResponse(page).cookie(flowCookie("", 0)).build();
    }

    private NewCookie flowCookie(String value, int maxAge) {
        return new NewCookie.Builder(FLOW_COOKIE).value(value).path("/sign-in/oidc").maxAge(maxAge).httpOnly(true)
                .secure(config.secureCookie()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
