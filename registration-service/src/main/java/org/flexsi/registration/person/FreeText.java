package org.flexsi.registration.person;

/** Free text in request bodies (names, reasons, relationships): no control characters and nothing markup-like. */
public final class FreeText {
    public static final String PATTERN = "[^\\p{Cntrl}<>;]+";
    public static final String MESSAGE = "must not contain control characters, <, > or ;";

    private FreeText() {
    }
}
