package org.flexsi.payment.batchdebit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebitSubmitterTest {
    @ParameterizedTest(name = "after {0} failures wait {1}")
    @CsvSource({ "1, PT1M", "2, PT2M", "3, PT4M", "6, PT32M", "7, PT1H", "40, PT1H" })
    void aBankThatKeepsFailingIsTriedLessOftenUpToTheMaximum(int failures, String wait) {
        assertEquals(Duration.parse(wait), DebitSubmitter.backoff(Duration.ofMinutes(1), Duration.ofHours(1), failures));
    }
}
