package org.flexsi.console;

import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The session of the request being served, and the checks every page and every form goes through. */
@RequestScoped
public class Current {
    private Session session;
    private boolean cookieToSet;
    private boolean cookieToClear;

    public Session session() {
        return session;
    }

    void use(Session found, boolean fresh) {
        session = found;
        cookieToSet = fresh;
    }

    void replace(Session next) {
        session = next;
        cookieToSet = true;
        cookieToClear = false;
    }

    void clear() {
        session = null;
        cookieToSet = false;
        cookieToClear = true;
    }

    boolean cookieToSet() {
        return cookieToSet && session != null;
    }

    boolean cookieToClear() {
        return cookieToClear;
    }

    /** A page: only for a signed-in operator (everyone else goes to the sign-in page). */
    public Session requireSignedIn() {
        if (session == null || !session.signedIn()) {
            throw new ConsoleException.NotSignedIn();
        }
        return session;
    }

    /** A state-changing form: signed in, and carrying this session's CSRF token. */
    public Session requireForm(String csrf) {
        Session signedIn = requireSignedIn();
        requireCsrf(csrf);
        return signedIn;
    }

    /** The CSRF check alone (the sign-in and language forms come before or without a token). */
    public void requireCsrf(String csrf) {
        if (session == null || csrf == null
                || !MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
            throw new ConsoleException.CsrfRefused();
        }
    }
}
