package org.flexsi.assessment.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.flexsi.assessment.catalogue.SeedCatalogues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R12 (Hubei), R13 (Jinan), R14 (Jiangxi): which months are payable on which day, from the seed windows. */
class PayableWindowTest {
    @ParameterizedTest(name = "{0} on {1}: {2} payable={3}")
    @CsvSource({
            // Hubei: the social-insurance year runs 1 July to 30 June
            "420100, 2023-06-30, 2022-07, true, ",
            "420100, 2023-06-30, 2023-06, true, ",
            "420100, 2023-07-01, 2023-06, false, R12",
            "420100, 2023-07-01, 2024-06, true, ",
            "420100, 2023-07-01, 2024-07, false, R12",
            // Jinan: January to the current month; 2022 deferred to the end of 2023
            "370100, 2022-05-15, 2022-01, true, ",
            "370100, 2022-05-15, 2022-05, true, ",
            "370100, 2022-05-15, 2022-06, false, R13",
            "370100, 2022-05-15, 2021-12, false, R13",
            "370100, 2023-12-31, 2022-03, true, ",
            "370100, 2024-01-01, 2022-03, false, R13",
            // Jiangxi: the current calendar year; earlier years go through an agency assessment
            "360000, 2020-03-10, 2020-12, true, ",
            "360000, 2021-01-04, 2020-12, false, R14"})
    void windows(String region, LocalDate today, YearMonth month, boolean payable, String rule) {
        WindowCheck check = PayableWindow.check(SeedCatalogues.of(region).window(), List.of(month), today);
        assertEquals(payable, check.payable(), check.reason());
        assertEquals(rule, check.rule());
    }

    @ParameterizedTest(name = "{0} on {1}: {2} refused because {3}")
    @CsvSource(delimiter = '|', value = {
            "420100 | 2023-07-01 | 2023-06 | 2023-06 is before the payable window 2023-07..2024-06: months of a closed social-insurance year can no longer be paid",
            "420100 | 2023-07-01 | 2024-07 | 2024-07 is after the current contribution year 2023-07..2024-06",
            "370100 | 2022-05-15 | 2022-06 | 2022-06 is a future month; months up to the current month 2022-05 can be paid",
            "370100 | 2024-01-01 | 2022-03 | 2022-03 is before the payable window 2024-01..2024-01: earlier years can only be paid under a deferral policy",
            "360000 | 2021-01-04 | 2020-12 | 2020-12 is before the payable window 2021-01..2021-12: prior-year months are back-paid on an agency assessment",
    })
    void aRefusalSaysWhy(String region, LocalDate today, YearMonth month, String reason) {
        assertEquals(reason, PayableWindow.check(SeedCatalogues.of(region).window(), List.of(month), today).reason());
    }
}
