package org.flexsi.certificate.person;

/** Masks an ID number for printing and storage: enough to recognise it, not enough to use it. */
public final class IdMasking {
    private IdMasking() {
    }

    /** 420106199001011234 becomes 4201**********1234; short numbers keep only their last character. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "";
        }
        String id = idNumber.strip();
        int keepStart = id.length() >= 15 ? 4 : id.length() >= 8 ? 2 : 0;
        int keepEnd = id.length() >= 8 ? 4 : 1;
        if (id.length() <= keepEnd) {
            return "*".repeat(id.length());
        }
        return id.substring(0, keepStart) + "*".repeat(id.length() - keepStart - keepEnd) + id.substring(id.length() - keepEnd);
    }
}
