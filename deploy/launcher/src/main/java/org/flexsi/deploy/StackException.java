package org.flexsi.deploy;

/** The stack could not be started or driven; the message says why, including log lines where they help. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
