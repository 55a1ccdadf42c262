package org.flexsi.console;

import static org.flexsi.console.Views.data;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The console's own answers to a request that cannot go on. */
public class Problems {
    private final Views views;

    public Problems(Views views) {
        this.views = views;
    }

    @ServerExceptionMapper
    public Response notSignedIn(ConsoleException.NotSignedIn e) {
        return views.seeOther("/sign-in", null);
    }

    @ServerExceptionMapper
    public Response csrf(ConsoleException.CsrfRefused e) {
        return views.page("refused", 403, data("reason", "refused_csrf"));
    }

    @ServerExceptionMapper
    public Response refused(ConsoleException.ServiceRefused e) {
        int status = e.answer.status() == 0 ? 502 : e.answer.status();
        if (status == 401) {
            // the token the session holds is no longer accepted: sign in again
            return views.seeOther("/sign-in", null);
        }
        return views.page("error", status, data("summary", e.answer.summary()));
    }
}
