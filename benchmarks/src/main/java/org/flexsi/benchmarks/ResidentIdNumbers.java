package org.flexsi.benchmarks;

import java.time.LocalDate;
import java.util.Random;
import org.flexsi.deploy.client.ResidentIds;

/** Made-up mainland resident ID numbers (GB 11643 check digit) for the benchmark's persons, random so that runs do not collide. */
final class ResidentIdNumbers {
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
        return ResidentIds.of(areaCode, birth, random.nextInt(1000));
    }
}
