package org.flexsi.benchmarks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/** Made-up mainland resident ID numbers (GB 11643 check digit) for the benchmark's persons, random so that runs do not collide. */
final class ResidentIdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    /** Born 1975–1999: of working age and below any retirement age at enrolment. */
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1975, 1, 1);
    private static final int BIRTH_DAYS = 25 * 365;

    private final String areaCode;
    private final Random random;

    ResidentIdNumbers(String areaCode, Random random) {
        this.areaCode = areaCode;
        this.random = random;
    }

    String next() {
        LocalDate birth = FIRST_BIRTH.plusDays(random.nextInt(BIRTH_DAYS));
        return withCheckDigit(areaCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000)));
    }

    static String withCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK_DIGITS.charAt(sum % 11);
    }
}
