package org.flexsi.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions of this console instance, by the random id in the session cookie. */
@ApplicationScoped
public class Sessions {
    public static final String COOKIE = "flexsi_console";
    static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final ConsoleConfig config;
    private final Clock clock = Clock.systemUTC();

    public Sessions(ConsoleConfig config) {
        this.config = config;
    }

    /** The live session with this id, or null: expired tokens and idle sessions are dropped here. */
    Session find(String id) {
        if (id == null) {
            return null;
        }
        Session session = byId.get(id);
        if (session == null) {
            return null;
        }
        Instant now = clock.instant();
        boolean idle = session.lastSeen.plus(config.idleTimeout()).isBefore(now);
        boolean tokenOver = session.tokenExpiresAt != null && !session.tokenExpiresAt.isAfter(now);
        if (idle || tokenOver) {
            byId.remove(id);
            return null;
        }
        session.lastSeen = now;
        return session;
    }

    /** A new session without a token (the sign-in form's CSRF token lives in it). */
    Session open(Locale locale) {
        if (byId.size() >= MAX_SESSIONS) {
            purge();
        }
        Session session = new Session(randomId(), randomId(), clock.instant(), locale);
        byId.put(session.id, session);
        return session;
    }

    /** Signing in replaces the session (new id, new CSRF token): an id known before sign-in is worth nothing after. */
    Session signIn(Session anonymous, String token, String subject, Instant expiresAt) {
        byId.remove(anonymous.id);
        Session session = open(anonymous.locale);
        session.token = token;
        session.subject = subject;
        session.tokenExpiresAt = expiresAt;
        return session;
    }

    void close(Session session) {
        byId.remove(session.id);
    }

    /** Idle sessions go first; if that is not enough, every session not signed in (a flood of first visits). */
    private void purge() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> s.lastSeen.plus(config.idleTimeout()).isBefore(now));
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().removeIf(s -> !s.signedIn());
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
