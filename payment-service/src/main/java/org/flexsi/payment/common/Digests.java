package org.flexsi.payment.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** One-way forms of personal identifiers and masks for showing them. */
public final class Digests {
    private Digests() {
    }

    /**
     * Unkeyed digest of an ID number, case and surrounding blanks ignored (the check digit X may come either way):
     * what {@code person.id_number_hash} held before the keyed index ({@code ResidentIds}); only to migrate and to
     * find rows not migrated yet.
     */
    public static String idNumber(String idNumber) {
        return sha256Hex(idNumber.strip().toUpperCase(Locale.ROOT));
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "6222021234567890123" -> "************0123": enough for a person to recognise, never the whole. */
    public static String maskTail(String value) {
        if (value == null || value.length() <= 4) {
            return "****";
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }
}
