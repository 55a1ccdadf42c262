package org.flexsi.console;

/** What ends a request with one of the console's own answers (see {@link ConsolePages#map}). */
public abstract class ConsoleException extends RuntimeException {
    ConsoleException(String message) {
        super(message, null, false, false);
    }

    /** No signed-in session: to the sign-in page. */
    public static final class NotSignedIn extends ConsoleException {
        NotSignedIn() {
            super("not signed in");
        }
    }

    /** A state-changing form without this session's CSRF token: refused, nothing done. */
    public static final class CsrfRefused extends ConsoleException {
        CsrfRefused() {
            super("CSRF token missing or wrong");
        }
    }

    /** A service refused or failed an action: its problem is shown, with its status. */
    public static final class ServiceRefused extends ConsoleException {
        final Backend.Answer answer;

        ServiceRefused(Backend.Answer answer) {
            super(answer.summary());
            this.answer = answer;
        }
    }
}
