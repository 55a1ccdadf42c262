package org.flexsi.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void amountsAreShownToTheFen() {
        assertEquals("¥796.00", Fmt.yuan("796"));
        assertEquals("¥0.10", Fmt.yuan("0.1"));
        assertEquals("¥1070620000.01", Fmt.yuan("1070620000.01"));
        // a value with more than fen precision is shown as given, never rounded silently
        assertEquals("0.005", Fmt.yuan("0.005"));
        assertEquals("", Fmt.yuan(null));
    }

    @Test
    void instantsAreShownInChinaTime() {
        assertEquals("2026-03-02 16:00:00", Fmt.time("2026-03-02T08:00:00Z"));
        assertEquals("2026-01-01 00:30:00", Fmt.time("2025-12-31T16:30:00Z"), "the China day, not the UTC one");
        assertEquals("2026-03-05", Fmt.time("2026-03-05"), "a date stays as it is");
    }

    @Test
    void amountsCompareToTheFen() {
        assertTrue(Fmt.same("2141.24", "2141.240"));
        assertFalse(Fmt.same("2141.24", "2141.25"));
        assertFalse(Fmt.same(null, "1"));
    }

    @Test
    void theOutboxLagIsTheLargestSampleOfTheGauge() {
        String metrics = """
                # HELP flexsi_outbox_oldest_unsent_seconds age
                # TYPE flexsi_outbox_oldest_unsent_seconds gauge
                flexsi_outbox_oldest_unsent_seconds{relay="a"} 3.0
                flexsi_outbox_oldest_unsent_seconds{relay="b"} 75.5 1733550000000
                flexsi_outbox_oldest_unsent_seconds_other 999
                """;
        assertEquals(75.5, OverviewPage.outboxLag(metrics));
        assertEquals(0.0, OverviewPage.outboxLag("flexsi_outbox_oldest_unsent_seconds 0.0\n"));
        assertNull(OverviewPage.outboxLag("other_metric 1\n"));
    }
}
