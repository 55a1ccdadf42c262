package org.flexsi.registration.identity;

/** The ID number is not well formed for its type; the message says what is wrong, without echoing the number. */
public class InvalidIdException extends Exception {
    public InvalidIdException(String message) {
        super(message);
    }
}
