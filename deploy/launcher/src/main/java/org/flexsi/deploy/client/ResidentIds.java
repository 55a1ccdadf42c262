package org.flexsi.deploy.client;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Mainland resident ID numbers with a correct GB 11643 check digit, for people the tests invent. */
public final class ResidentIds {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private ResidentIds() {
    }

    /** {@code sequence} 0..999; its last digit is odd for a man, even for a woman. */
    public static String of(String areaCode, LocalDate birthDate, int sequence) {
        String body = areaCode + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }
}
