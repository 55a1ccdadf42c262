package org.flexsi.registration.identity;

/** The identity documents a registration may carry (R3); the names are those of the event contract. */
public enum IdType {
    RESIDENT_ID,
    PASSPORT,
    HK_MACAO_PERMIT,
    TAIWAN_PERMIT,
    FOREIGN_PERMANENT_RESIDENCE
}
