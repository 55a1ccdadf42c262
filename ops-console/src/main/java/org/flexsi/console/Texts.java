package org.flexsi.console;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

/** A message from the bundle in Java code (notices set before a redirect), in the session's language. */
@ApplicationScoped
public class Texts {
    private final Msg chinese;
    private final Msg english;

    public Texts(Msg chinese, @Localized("en") Msg english) {
        this.chinese = chinese;
        this.english = english;
    }

    String of(Session session, String key) {
        Msg msg = session != null && session.english() ? english : chinese;
        return switch (key) {
            case "status_checked" -> msg.status_checked();
            case "resolved_ok" -> msg.resolved_ok();
            case "resent_ok" -> msg.resent_ok();
            case "published_ok" -> msg.published_ok();
            case "replayed_ok" -> msg.replayed_ok();
            case "parked_ok" -> msg.parked_ok();
            case "calendar_uploaded" -> msg.calendar_uploaded();
            default -> key;
        };
    }
}
