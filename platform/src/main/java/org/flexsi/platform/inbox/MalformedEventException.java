package org.flexsi.platform.inbox;

/** A record that no retry can fix: it goes to the dead-letter topic with this message as the reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
