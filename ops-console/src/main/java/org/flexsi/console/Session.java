package org.flexsi.console;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.Locale;

/**
 * One browser's session, held in the console's memory only (the console stores nothing else): the operator's
 * bearer token once signed in, the CSRF token every state-changing form must carry, the chosen language and a
 * one-shot notice for the next page.
 */
@TemplateData
public final class Session {
    final String id;
    final String csrf;
    volatile String token;
    volatile String subject;
    volatile Instant tokenExpiresAt;
    volatile Instant lastSeen;
    volatile Locale locale;
    volatile String notice;

    Session(String id, String csrf, Instant now, Locale locale) {
        this.id = id;
        this.csrf = csrf;
        this.lastSeen = now;
        this.locale = locale;
    }

    public String csrf() {
        return csrf;
    }

    public String subject() {
        return subject;
    }

    public boolean signedIn() {
        return token != null;
    }

    public String lang() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    public boolean english() {
        return "en".equals(lang());
    }

    /** The notice for this page, cleared so that a reload does not show it again. */
    public String takeNotice() {
        String shown = notice;
        notice = null;
        return shown;
    }
}
